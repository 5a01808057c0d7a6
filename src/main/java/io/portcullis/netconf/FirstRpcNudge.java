package io.portcullis.netconf;

import io.portcullis.netconf.rpc.NetconfRpc;
import java.time.Duration;

/**
 * Wakes a server that is sitting on the first RPC of a session.
 *
 * <p>Why: yuma123 netconfd (DEVELOPERS.md, "The deferred first RPC") reads its sessions 1,000 bytes at a time and,
 * when the client hello and the first {@code <rpc>} arrive in the same read, defers the rpc "until protocol framing
 * set" — and only looks at it again when the next bytes arrive on that session. Nothing more arrives while the client
 * waits for the reply, so the RPC is answered only when the client gives up and closes (the reply then hits a broken
 * pipe). Whether the two land in one read is decided by how fast sshd and netconf-subsystem relay our hello, which
 * the client cannot see: NETCONF has no acknowledgement of the client hello, so no ordering or delay on our side
 * avoids it for certain. What the client can do is supply the missing input: when the first RPC is still unanswered
 * after {@link #AFTER} and nothing else has been sent since, it sends {@link #PROBE}; the server then processes the
 * deferred rpc and the probe, in order, and both replies come back (the probe's is dropped).
 *
 * <p>The probe is read-only and, per RFC 6241 section 6.4.2, an empty subtree filter selects nothing, so a server
 * that was merely slow pays one tiny extra round trip.
 */
final class FirstRpcNudge {
    /** Long enough that a healthy server has answered a lock or a get on a loaded machine, short next to the 60 s RPC deadline. */
    static final Duration AFTER = Duration.ofSeconds(1);

    static final NetconfRpc PROBE = NetconfRpc.raw(
            "get-config (first-rpc nudge)",
            "<get-config><source><running/></source><filter type=\"subtree\"/></get-config>");

    private FirstRpcNudge() {}
}
