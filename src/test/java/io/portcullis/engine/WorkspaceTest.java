package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterNames;
import io.portcullis.platform.registry.Platforms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void compilesEverySelectedDeviceWithItsPlatformsImplicitDefault() {
        Workspace w = Workspace.load(Path.of("policy"), Path.of("inventory"), null, TODAY);
        assertThat(w.hasErrors()).isFalse();
        List<CompiledRouter> all = w.compileAll();
        assertThat(all).hasSize(6).allSatisfy(c -> {
            assertThat(c.inScope()).isTrue();
            assertThat(c.intent().filters())
                    .extracting(Filter::name)
                    .containsExactly(FilterNames.FILTER_V4, FilterNames.FILTER_V6);
            assertThat(c.intent().filters()).allSatisfy(f -> assertThat(f.defaultAction())
                    .isEqualTo(Platforms.get(c.device().platform()).facts().implicitDefault()));
            assertThat(c.intent().bindings())
                    .hasSize(2 * c.device().attachPoints().size());
            assertThat(c.promise().attachPoints()).isEqualTo(c.device().attachPoints());
        });
        assertThat(w.outOfScope()).isEmpty();
    }

    @Test
    void limitAndScopeDecideWhatIsCompiled(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(
                policy,
                Files.readString(Path.of("policy/subscriber-protection.yaml"))
                        + "  scope:\n    platform: [junos, sros]\n");
        Workspace w = Workspace.load(policy, Path.of("inventory"), "group:toronto,bng-mtl-01", TODAY);
        assertThat(w.hasErrors()).as(w.diagnostics().toString()).isFalse();
        assertThat(w.devices()).extracting(d -> d.name()).containsExactly("bng-tor-01", "bng-tor-02", "bng-mtl-01");
        assertThat(w.outOfScope()).extracting(d -> d.name()).containsExactly("bng-tor-02");
        assertThat(w.compileAll()).extracting(CompiledRouter::inScope).containsExactly(true, false, true);
        StringWriter out = new StringWriter();
        w.reportOutOfScope(new PrintWriter(out));
        assertThat(out.toString()).contains("bng-tor-02 (iosxr) is outside the policy scope");
        assertThat(w.device("agg-van-01"))
                .as("--device looks in the whole inventory")
                .isPresent();
    }

    @Test
    void openPrintsProblemsAndReturnsNothingOnErrors(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertThat(Workspace.open(dir.resolve("missing.yaml"), Path.of("inventory"), null, new PrintWriter(err)))
                .isEmpty();
        assertThat(err.toString())
                .contains("missing.yaml: error: the policy file does not exist")
                .contains("invalid: 1 error");
    }
}
