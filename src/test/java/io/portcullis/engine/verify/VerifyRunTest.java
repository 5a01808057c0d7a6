package io.portcullis.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Workspace;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.inventory.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verify pipeline without the command line: what the service calls (shipped policy, example inventory). */
class VerifyRunTest {
    private final Workspace workspace =
            Workspace.load(Path.of("policy"), Path.of("inventory"), "bng-tor-01,agg-van-01,agg-van-02");

    @Test
    void provesEachDeviceAndComparesPlatforms() throws Exception {
        VerifyRun run = VerifyRun.of(workspace, workspace.devices());
        assertThat(run.devices())
                .extracting(RouterVerification::status)
                .containsOnly(RouterVerification.Status.PROVEN)
                .hasSize(3);
        assertThat(run.crossPlatform()).singleElement().satisfies(e -> {
            assertThat(e.equivalent()).isTrue();
            assertThat(e.compared()).containsExactly("junos", "openconfig", "ietf");
        });
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.PROVEN);

        JsonNode doc = new ObjectMapper().readTree(VerifyJson.document(run, 0));
        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsSubsequence("routers", "crossPlatform", "publishedPromise", "summary", "exitCode");
        assertThat(doc.get("publishedPromise").get("kept").asBoolean()).isTrue();
        assertThat(doc.get("publishedPromise").get("devices")).hasSize(3);
        assertThat(doc.get("summary").get("PROVEN").asInt()).isEqualTo(3);
    }

    @Test
    void aDeviceThatLostATermIsViolatedWithACounterexample() {
        Device d = workspace.device("bng-tor-01").orElseThrow();
        CompiledRouter good = workspace.compile(d);
        List<Filter> filters = good.intent().filters().stream()
                .map(f -> new Filter(
                        f.name(),
                        f.family(),
                        f.terms().subList(1, f.terms().size()),
                        f.defaultAction(),
                        f.description()))
                .toList();
        CompiledRouter broken = new CompiledRouter(
                d,
                new FilterIntent(d.name(), d.platform(), filters, good.intent().bindings()),
                good.promise());

        RouterVerification v = RouterVerification.run(broken);
        assertThat(v.status()).isEqualTo(RouterVerification.Status.VIOLATED);
        assertThat(v.compiledResult().violations()).isNotEmpty();
        assertThat(new VerifyRun(List.of(v), List.of()).outcome()).isEqualTo(VerifyRun.Outcome.VIOLATED);
    }
}
