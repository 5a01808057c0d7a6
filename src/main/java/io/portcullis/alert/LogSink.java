package io.portcullis.alert;

import org.jboss.logging.Logger;

/** Always on: every alert is a log line at WARN (firing) or INFO (resolved). */
public final class LogSink implements AlertSink {
    private static final Logger LOG = Logger.getLogger("io.portcullis.alert");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(Alert alert) {
        if (alert.status() == Alert.Status.FIRING) {
            LOG.warn(alert.text());
        } else {
            LOG.info(alert.text());
        }
    }
}
