package io.portcullis.netconf;

import io.portcullis.netconf.xml.XmlLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Client-wide settings with secure, bounded defaults: nothing waits forever.
 *
 * @param connectTimeout TCP connect plus SSH key exchange
 * @param authTimeout SSH authentication
 * @param helloTimeout from subsystem start until the server hello is parsed
 * @param rpcTimeout default absolute deadline per RPC (from send; incoming traffic never extends it)
 * @param closeTimeout how long close-session may take before the transport is force-closed
 * @param heartbeatInterval SSH keepalive request (with reply wanted) interval
 * @param heartbeatMaxMisses unanswered keepalives before the connection is declared dead
 * @param readTimeout socket read inactivity limit (should exceed the heartbeat interval)
 * @param windowTimeout longest wait for the peer to open its SSH window while we write
 * @param maxMessageBytes largest reply or notification accepted
 * @param notificationCapacity unread notifications queued before the session fails (none are ever dropped)
 * @param base11 offer base:1.1 (chunked framing); off only for interop experiments
 */
public record ClientSettings(
        Duration connectTimeout,
        Duration authTimeout,
        Duration helloTimeout,
        Duration rpcTimeout,
        Duration closeTimeout,
        Duration heartbeatInterval,
        int heartbeatMaxMisses,
        Duration readTimeout,
        Duration windowTimeout,
        int maxMessageBytes,
        XmlLimits xmlLimits,
        int notificationCapacity,
        boolean base11) {

    public ClientSettings {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(authTimeout);
        Objects.requireNonNull(helloTimeout);
        Objects.requireNonNull(rpcTimeout);
        Objects.requireNonNull(closeTimeout);
        Objects.requireNonNull(heartbeatInterval);
        Objects.requireNonNull(readTimeout);
        Objects.requireNonNull(windowTimeout);
        Objects.requireNonNull(xmlLimits);
        if (heartbeatMaxMisses < 1 || maxMessageBytes < 1024 || notificationCapacity < 1) {
            throw new IllegalArgumentException(
                    "heartbeatMaxMisses, maxMessageBytes and notificationCapacity must be positive");
        }
        for (Duration d : new Duration[] {
            connectTimeout,
            authTimeout,
            helloTimeout,
            rpcTimeout,
            closeTimeout,
            heartbeatInterval,
            readTimeout,
            windowTimeout
        }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive (nothing may wait forever): " + d);
            }
        }
    }

    /**
     * 10 s connect, 15 s auth and hello, 60 s RPCs, 5 s close, 10 s heartbeat × 3, 60 s read, 30 s window, and a
     * message cap of 256 MiB or an eighth of the maximum heap, whichever is smaller (at least 16 MiB).
     */
    public static ClientSettings defaults() {
        return new ClientSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                Duration.ofSeconds(15),
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                3,
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                defaultMessageCap(Runtime.getRuntime().maxMemory()),
                XmlLimits.DEFAULT,
                100_000,
                true);
    }

    /**
     * A message is buffered whole (up to the cap) before it is parsed, and the buffer doubles as it grows, so a cap
     * near the heap size turns a huge reply into an OutOfMemoryError instead of a clean FRAMING failure (D.6 #46:
     * a 1 GiB reply in a 256 MB JVM). An eighth of the heap leaves room for the copy and the parse.
     */
    static int defaultMessageCap(long maxHeapBytes) {
        return (int) Math.min(256L * 1024 * 1024, Math.max(16L * 1024 * 1024, maxHeapBytes / 8));
    }

    public ClientSettings withConnectTimeout(Duration d) {
        return new ClientSettings(
                d,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withAuthTimeout(Duration d) {
        return new ClientSettings(
                connectTimeout,
                d,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withHelloTimeout(Duration d) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                d,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withRpcTimeout(Duration d) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                d,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withCloseTimeout(Duration d) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                d,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withHeartbeat(Duration interval, int maxMisses) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                interval,
                maxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withReadTimeout(Duration d) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                d,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withWindowTimeout(Duration d) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                d,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withMaxMessageBytes(int max) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                max,
                xmlLimits,
                notificationCapacity,
                base11);
    }

    public ClientSettings withNotificationCapacity(int capacity) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                capacity,
                base11);
    }

    public ClientSettings withBase11(boolean offer) {
        return new ClientSettings(
                connectTimeout,
                authTimeout,
                helloTimeout,
                rpcTimeout,
                closeTimeout,
                heartbeatInterval,
                heartbeatMaxMisses,
                readTimeout,
                windowTimeout,
                maxMessageBytes,
                xmlLimits,
                notificationCapacity,
                offer);
    }
}
