package io.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who and what a run records: CI identities from fake GitLab/GitHub environments, overrides, git revisions read from .git. */
class IdentityAndRevisionTest {
    static Map<String, String> gitlab() {
        Map<String, String> env = new HashMap<>();
        env.put("USER", "gitlab-runner");
        env.put("GITLAB_CI", "true");
        env.put("GITLAB_USER_LOGIN", "jdoe");
        env.put("CI_PIPELINE_URL", "https://gitlab.example/netops/policy/-/pipelines/4711");
        env.put("CI_JOB_URL", "https://gitlab.example/netops/policy/-/jobs/99");
        env.put("CI_COMMIT_SHA", "0123456789abcdef0123456789abcdef01234567");
        env.put("CI_MERGE_REQUEST_IID", "42");
        env.put("CI_JOB_TOKEN", "glcbt-SECRET-never-stored");
        return env;
    }

    @Test
    void gitlabIdentityIsTheCiUserWithPipelineJobCommitAndMergeRequestAndNoToken() {
        Who who = Identity.of(gitlab(), null);
        assertThat(who.actor()).isEqualTo("jdoe");
        assertThat(who.osUser()).isEqualTo("gitlab-runner");
        assertThat(who.ci())
                .containsEntry("system", "gitlab")
                .containsEntry("user", "jdoe")
                .containsEntry("pipelineUrl", "https://gitlab.example/netops/policy/-/pipelines/4711")
                .containsEntry("jobUrl", "https://gitlab.example/netops/policy/-/jobs/99")
                .containsEntry("commitSha", "0123456789abcdef0123456789abcdef01234567")
                .containsEntry("mergeRequestIid", "42");
        assertThat(who.toString()).doesNotContain("SECRET");
    }

    @Test
    void githubIdentityAndOverrides() {
        Map<String, String> env = new HashMap<>(Map.of(
                "USER",
                "runner",
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_ACTOR",
                "octocat",
                "GITHUB_RUN_ID",
                "123",
                "GITHUB_SHA",
                "abc",
                "GITHUB_SERVER_URL",
                "https://github.com",
                "GITHUB_REPOSITORY",
                "isp/policy"));
        Who who = Identity.of(env, null);
        assertThat(who.actor()).isEqualTo("octocat");
        assertThat(who.ci())
                .containsEntry("system", "github")
                .containsEntry("runId", "123")
                .containsEntry("commitSha", "abc")
                .containsEntry("runUrl", "https://github.com/isp/policy/actions/runs/123");
        env.put("PORTCULLIS_ACTOR", "change-1234");
        assertThat(Identity.of(env, null).actor()).isEqualTo("change-1234");
        assertThat(Identity.of(env, "alice").actor())
                .as("--actor beats the variable")
                .isEqualTo("alice");
        assertThat(Identity.of(Map.of("USER", "bob"), null)).satisfies(w -> {
            assertThat(w.actor()).isEqualTo("bob");
            assertThat(w.ci()).isEmpty();
        });
    }

    @Test
    void credentialsInCiUrlsAreStripped() {
        Map<String, String> env = gitlab();
        env.put("CI_PIPELINE_URL", "https://deploy:tok3n@gitlab.example/p/-/pipelines/1");
        assertThat(Identity.of(env, null).ci().get("pipelineUrl")).isEqualTo("https://gitlab.example/p/-/pipelines/1");
    }

    @Test
    void revisionFromABranchALooseRefPackedRefsADetachedHeadAndALinkedWorkTree(@TempDir Path dir) throws Exception {
        String a = "1111111111111111111111111111111111111111";
        String b = "2222222222222222222222222222222222222222";
        Path repo = dir.resolve("repo");
        Path git = repo.resolve(".git");
        Files.createDirectories(git.resolve("refs/heads"));
        Files.createDirectories(repo.resolve("policy/sub"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("refs/heads/main"), a + "\n");
        assertThat(GitRevision.of(repo.resolve("policy/sub"))).contains(a);
        Files.delete(git.resolve("refs/heads/main"));
        Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + b + " refs/heads/main\n");
        assertThat(GitRevision.of(repo.resolve("policy"))).contains(b);
        Files.writeString(git.resolve("HEAD"), a + "\n");
        assertThat(GitRevision.of(repo.resolve("policy"))).contains(a);

        Path wt = dir.resolve("wt");
        Path wtGit = git.resolve("worktrees/wt");
        Files.createDirectories(wtGit);
        Files.createDirectories(wt.resolve("policy"));
        Files.writeString(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
        Files.writeString(wtGit.resolve("commondir"), "../..\n");
        Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(git.resolve("packed-refs"), b + " refs/heads/feature\n");
        assertThat(GitRevision.of(wt.resolve("policy"))).contains(b);

        assertThat(GitRevision.of(dir.resolve("elsewhere"))).isEmpty();
    }

    @Test
    void settingsComeFromPortcullisKeysAndNeverPrintThePassword(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "Fil3-Secret\n");
        Map<String, String> cfg = Map.of(
                "portcullis.db.url",
                "jdbc:postgresql://db.example:5432/pcl",
                "portcullis.db.username",
                "pcl",
                "portcullis.db.password-file",
                pw.toString(),
                "portcullis.db.retention",
                "30d");
        DbSettings s = DbSettings.from(k -> java.util.Optional.ofNullable(cfg.get(k)));
        assertThat(s.password()).isEqualTo("Fil3-Secret");
        assertThat(s.kind()).isEqualTo(DbSettings.Kind.POSTGRESQL);
        assertThat(s.retention()).hasDays(30);
        assertThat(s.toString()).doesNotContain("Fil3-Secret");
        DbSettings d = DbSettings.from(k -> java.util.Optional.empty());
        assertThat(d.url()).startsWith("jdbc:h2:file:./.portcullis/state/portcullis;");
        assertThat(d.kind()).isEqualTo(DbSettings.Kind.H2);
        assertThat(d.enabled()).isTrue();
        assertThat(DbSettings.from(k -> k.equals("portcullis.db.enabled")
                                ? java.util.Optional.of("false")
                                : java.util.Optional.empty())
                        .enabled())
                .isFalse();
        assertThat(new DbSettings(true, "jdbc:postgresql://u:p4ss@h/db?password=p4ss", "", "", null).safeUrl())
                .doesNotContain("p4ss");
    }
}
