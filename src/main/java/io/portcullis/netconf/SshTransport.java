package io.portcullis.netconf;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;

/**
 * The SSH "netconf" subsystem (RFC 6242) as a {@link Transport}. Inbound data is pushed by MINA's I/O threads
 * straight into the session's decoder: no reader thread per session.
 */
final class SshTransport implements Transport {
    private final ClientSession ssh;
    private final ChannelSubsystem channel;
    private final String peer;
    private final Duration openTimeout;
    private final TransportInfo info;
    private final AtomicBoolean closedSignalled = new AtomicBoolean();

    SshTransport(ClientSession ssh, ChannelSubsystem channel, String peer, Duration openTimeout, TransportInfo info) {
        this.ssh = ssh;
        this.channel = channel;
        this.peer = peer;
        this.openTimeout = openTimeout;
        this.info = info;
    }

    @Override
    public void start(Listener listener) throws IOException {
        channel.setOut(new OutputStream() {
            @Override
            public void write(int b) {
                listener.onBytes(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                listener.onBytes(b, off, len);
            }
        });
        channel.setErr(OutputStream.nullOutputStream());
        channel.addCloseFutureListener(f -> {
            if (closedSignalled.compareAndSet(false, true)) {
                listener.onClosed(null);
            }
        });
        try {
            channel.open().verify(openTimeout);
        } catch (IOException e) {
            throw new NetconfException(
                    Failure.SUBSYSTEM_UNAVAILABLE,
                    "SSH server " + peer + " did not open the netconf subsystem: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public OutputStream output() {
        return channel.getInvertedIn();
    }

    @Override
    public void close() {
        channel.close(true);
        ssh.close(true);
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public TransportInfo info() {
        return info;
    }
}
