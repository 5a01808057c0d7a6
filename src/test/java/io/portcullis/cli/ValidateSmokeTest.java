package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidateSmokeTest {
    @Test
    void shippedPolicyAndInventoryAreValid() {
        CliRun r = CliRun.run("validate", "--policy", "policy", "--inventory", "inventory");
        System.out.println(r.all());
        assertThat(r.exit()).as(r.all()).isZero();
    }
}
