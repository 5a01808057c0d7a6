package io.portcullis.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.targets.Target;
import io.portcullis.intent.AttachPoint;
import io.portcullis.verify.Fate;
import io.portcullis.verify.Verdict;
import io.portcullis.verify.Verifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's traffic decisions are the verifier's: for every packet class at every attach point of every platform,
 * before and after the policy is installed, the lab decides like {@code Verifier.evaluate} on the compiled intent
 * (same fate, same deciding term), and after install every probe is dropped and everything else forwarded.
 */
class TrafficAgreesWithVerifierTest {

    @Test
    void everyPacketClassIsDecidedAsTheVerifierDecidesIt(@TempDir Path dir) throws Exception {
        try (LabFixture lab = new LabFixture(dir, 6, 100)) {
            for (Target t : lab.targets) {
                RouterTraffic traffic = lab.traffic.device(t.name());
                for (PacketClass pc : traffic.mix()) {
                    for (AttachPoint p : traffic.attachPoints()) {
                        Verdict v = traffic.decision(pc, p);
                        assertThat(v.fate())
                                .as(t.name() + " " + pc.label() + " before install")
                                .isEqualTo(Fate.FORWARDED);
                        assertThat(v.filter()).isNull();
                    }
                }
            }
            lab.installPolicy();
            int checked = 0;
            for (Target t : lab.targets) {
                RouterTraffic traffic = lab.traffic.device(t.name());
                for (PacketClass pc : traffic.mix()) {
                    for (AttachPoint p : traffic.attachPoints()) {
                        Verdict inLab = traffic.decision(pc, p);
                        // the compiled intent at the same point (VRP: the operator-bound point, as the lab and verify
                        // assume)
                        Verdict verifier = Verifier.evaluate(
                                t.promise().attachPoints().isEmpty() ? traffic.intent() : t.intent(),
                                RouterTraffic.packet(pc, p));
                        String what = t.name() + " " + pc.label() + " at " + p.name();
                        assertThat(inLab.fate()).as(what).isEqualTo(verifier.fate());
                        assertThat(inLab.term()).as(what).isEqualTo(verifier.term());
                        boolean probe =
                                pc.kind() == PacketClass.Kind.SNMP_PROBE || pc.kind() == PacketClass.Kind.SMTP_PROBE;
                        assertThat(inLab.fate()).as(what).isEqualTo(probe ? Fate.DROPPED : Fate.FORWARDED);
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(6 * 20);
        }
    }
}
