package io.portcullis.alert;

/**
 * The alerts Portcullis raises, with the Alertmanager {@code alertname} and severity receivers route on.
 * One open alert per router and name at a time (its fingerprint is derived from both).
 */
public enum AlertName {
    POLICY_DRIFT("PortcullisPolicyDrift", "critical", "DRIFT", "enforces the policy again"),
    ROUTER_UNREACHABLE("PortcullisRouterUnreachable", "warning", "UNREACHABLE", "can be checked again"),
    POLICY_PENDING("PortcullisPolicyPending", "info", "PENDING", "runs the latest policy revision");

    private final String alertname;
    private final String severity;
    private final String tag;
    private final String resolvedText;

    AlertName(String alertname, String severity, String tag, String resolvedText) {
        this.alertname = alertname;
        this.severity = severity;
        this.tag = tag;
        this.resolvedText = resolvedText;
    }

    /** The Alertmanager label value, e.g. PortcullisPolicyDrift. */
    public String alertname() {
        return alertname;
    }

    public String severity() {
        return severity;
    }

    /** Short upper-case word for chat and log lines ("[DRIFT] …"). */
    String tag() {
        return tag;
    }

    /** Summary of the resolved alert: "{router} enforces the policy again". */
    String resolvedSummary(String router) {
        return router + " " + resolvedText;
    }
}
