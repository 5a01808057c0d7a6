package io.portcullis.lab.device;

/** What a device needs from one NETCONF session of the transport: identity, notifications, termination. */
public interface SessionPort {
    int sessionId();

    String username();

    String sourceHost();

    /** Queues a {@code <notification>} document for this session (only called for subscribed sessions). */
    void sendNotification(String xml);

    /** Ends the session's transport (kill-session, reboot, injected drop). Must not block. */
    void terminate();

    boolean subscribed();

    /** create-subscription succeeded: notifications now flow to this session. */
    void subscribe();
}
