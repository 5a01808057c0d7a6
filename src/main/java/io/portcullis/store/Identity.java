package io.portcullis.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who runs a command, from its environment: {@code --actor}/{@code PORTCULLIS_ACTOR} when given, else the CI
 * user (GitLab {@code GITLAB_USER_LOGIN}, GitHub {@code GITHUB_ACTOR}), else the OS user. The CI identity keeps
 * the pipeline, job, commit and merge request so a run can be traced back to its pipeline a year later. Only
 * these named variables are read: CI environments are full of tokens ({@code CI_JOB_TOKEN}, {@code GITHUB_TOKEN}).
 */
public final class Identity {
    private Identity() {}

    public static Who of(Map<String, String> env, String actorOverride) {
        Map<String, String> ci = new LinkedHashMap<>();
        String ciUser = null;
        if (env.get("GITLAB_CI") != null
                || env.get("GITLAB_USER_LOGIN") != null
                || env.get("CI_PIPELINE_URL") != null) {
            ci.put("system", "gitlab");
            ciUser = env.get("GITLAB_USER_LOGIN");
            put(ci, "user", ciUser);
            put(ci, "pipelineUrl", env.get("CI_PIPELINE_URL"));
            put(ci, "jobUrl", env.get("CI_JOB_URL"));
            put(ci, "commitSha", env.get("CI_COMMIT_SHA"));
            put(ci, "mergeRequestIid", env.get("CI_MERGE_REQUEST_IID"));
        } else if (env.get("GITHUB_ACTIONS") != null || env.get("GITHUB_ACTOR") != null) {
            ci.put("system", "github");
            ciUser = env.get("GITHUB_ACTOR");
            put(ci, "user", ciUser);
            put(ci, "runId", env.get("GITHUB_RUN_ID"));
            put(ci, "commitSha", env.get("GITHUB_SHA"));
            if (env.get("GITHUB_SERVER_URL") != null
                    && env.get("GITHUB_REPOSITORY") != null
                    && env.get("GITHUB_RUN_ID") != null) {
                ci.put(
                        "runUrl",
                        env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY") + "/actions/runs/"
                                + env.get("GITHUB_RUN_ID"));
            }
        }
        String osUser = env.getOrDefault("USER", env.get("LOGNAME"));
        if (osUser == null) {
            osUser = System.getProperty("user.name");
        }
        String override = blankToNull(actorOverride);
        if (override == null) {
            override = blankToNull(env.get("PORTCULLIS_ACTOR"));
        }
        String actor = override != null ? override : blankToNull(ciUser) != null ? ciUser : osUser;
        return new Who(actor, osUser, null, ci);
    }

    /** A REST caller: the API names who called (the token's owner) when it knows, else "api". */
    public static Who apiCaller(String caller, String osUser) {
        String c = blankToNull(caller) == null ? "api" : caller;
        return new Who("api:" + c, osUser, c, Map.of());
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (blankToNull(v) != null) {
            m.put(k, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
