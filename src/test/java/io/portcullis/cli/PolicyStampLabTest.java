package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.FilterStamp;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.HistoryDocument;
import io.portcullis.store.HistoryRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applied policy is visible on the router: after an apply through the real command line, every lab
 * platform with a free-text place (Junos comment, IOS-XR remark, SR OS / VRP / OpenConfig description) holds
 * {@code portcullis policy sha256:… subscriber-protection} in its running configuration (RFC 8519 has no such
 * leaf). A new git commit whose policy renders the same filters is NO_CHANGE on every router (the stamp is
 * the content's digest, not the commit's), while the history keeps both revisions; a real content change
 * names "policy digest A → B" in the plan.
 */
@Tag("lab")
class PolicyStampLabTest {
    private static final String PASSWORD = "Policy-Stamp-Sentinel-37";
    private static final Pattern STAMP =
            Pattern.compile("portcullis policy (sha256:[0-9a-f]{8}) subscriber-protection");

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void theRouterShowsThePolicyDigestAndAMovedCommitAloneChangesNothing() throws Exception {
        DbSettings s = Backend.H2.fresh(dir);
        DbProperties.use(s);
        Path repo = dir.resolve("policy-repo");
        Files.createDirectories(repo);
        Path policy = repo.resolve("subscriber-protection.yaml");
        Files.copy(Path.of("policy/subscriber-protection.yaml"), policy);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "first");
        try (LabFleet fleet = LabFleet.builder()
                .devices(6)
                .platforms("junos,iosxr,sros,vrp,openconfig,ietf")
                .password(PASSWORD)
                .start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            String[] common = {"--inventory", inv.toString(), "--policy", policy.toString()};

            CliRun first = CliRun.run(cat("apply", common, "--auto-approve"));
            assertThat(first.exit()).as(first.all()).isEqualTo(ExitCodes.OK);
            assertThat(first.out()).contains("6 applied");
            String digest = null;
            for (SimDevice d : fleet.devices()) {
                List<String> stamps = stamps(d.runningXml());
                if (d.platform().equals("ietf")) {
                    assertThat(stamps)
                            .as("RFC 8519 has no description leaf: %s", d.runningXml())
                            .isEmpty();
                    continue;
                }
                assertThat(stamps)
                        .as("%s running config:%n%s", d.name(), d.runningXml())
                        .hasSize(2)
                        .containsOnly(stamps.get(0));
                digest = digest == null ? stamps.get(0) : digest;
                assertThat(stamps.get(0)).as(d.name()).isEqualTo(digest);
            }

            // a new commit that only reformats the policy file: same filters, same stamp, nothing to apply
            Files.writeString(policy, "# reviewed in MR !42, nothing changed\n" + Files.readString(policy));
            git(repo, "commit", "-q", "-am", "comment only");
            CliRun again = CliRun.run(cat("apply", common, "--auto-approve"));
            assertThat(again.exit()).as(again.all()).isEqualTo(ExitCodes.OK);
            assertThat(again.out()).doesNotContain(" applied").contains("6 no-change");
            for (SimDevice d : fleet.devices()) {
                if (!d.platform().equals("ietf")) {
                    assertThat(stamps(d.runningXml())).as(d.name()).containsOnly(digest);
                }
            }
            List<HistoryRun> runs = HistoryDocument.fromJson(
                            CliRun.run("history", "--json", "--kind", "apply").out())
                    .runs();
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0).policyRevision())
                    .isNotNull()
                    .isNotEqualTo(runs.get(1).policyRevision());
            assertThat(runs.get(0).routers())
                    .extracting(HistoryRun.Router::state)
                    .containsOnly("NO_CHANGE");

            // a real change of what the routers enforce: a new digest, named in the plan
            Files.writeString(
                    policy, Files.readString(policy).replace("ports: [25, 465, 587, 2525]", "ports: [25, 465, 587]"));
            CliRun plan = CliRun.run(cat("plan", common));
            assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
            Matcher m = Pattern.compile("policy digest " + Pattern.quote(digest) + " → (sha256:[0-9a-f]{8})")
                    .matcher(plan.out());
            assertThat(m.find()).as(plan.out()).isTrue();
            assertThat(m.group(1)).isNotEqualTo(digest);
            assertThat(FilterStamp.digestOf("portcullis policy " + m.group(1))).contains(m.group(1));
        }
    }

    private static List<String> stamps(String runningXml) {
        List<String> out = new ArrayList<>();
        Matcher m = STAMP.matcher(runningXml);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String[] cat(String command, String[] rest, String... more) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(List.of(rest));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "git", "-c", "user.name=test", "-c", "user.email=test@example.net", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    }
}
