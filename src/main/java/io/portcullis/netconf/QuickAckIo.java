package io.portcullis.netconf;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import jdk.net.ExtendedSocketOptions;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2CompletionHandler;
import org.apache.sshd.common.io.nio2.Nio2Service;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.Readable;

/**
 * MINA's NIO2 transport, except that every read cycle ends with any still-pending TCP acknowledgement sent at once
 * (Linux TCP_QUICKACK).
 *
 * <p>Why: OpenSSH's sshd leaves Nagle on for non-interactive sessions such as the netconf subsystem, so when it has
 * two messages to send in a row (SERVICE_ACCEPT then the auth-method list, the host-key announcement then our
 * channel confirmation, a reply split in chunks) the second waits for our ACK of the first. When we have nothing
 * to send meanwhile, Linux delays that ACK by its 40 ms minimum. tcpdump against netconfd showed one or two such
 * 40 ms stalls in every connect (DEVELOPERS.md). Where the response we sent while processing the data already
 * carried the ACK, the option call finds nothing pending and costs one system call.
 *
 * <p>Elsewhere than Linux the option is unsupported; the transport then behaves exactly like MINA's.
 */
final class QuickAckIo extends Nio2ServiceFactoryFactory {
    @Override
    public IoServiceFactory create(FactoryManager manager) {
        return new Nio2ServiceFactory(manager, newExecutor(), newExecutor()) {
            @Override
            public Nio2Session createSession(
                    Nio2Service service,
                    IoHandler handler,
                    AsynchronousSocketChannel socket,
                    SocketAddress acceptanceAddress)
                    throws Throwable {
                return new QuickAckSession(service, getFactoryManager(), handler, socket, acceptanceAddress);
            }
        };
    }

    static final class QuickAckSession extends Nio2Session {
        private volatile boolean supported;

        QuickAckSession(
                Nio2Service service,
                PropertyResolver props,
                IoHandler handler,
                AsynchronousSocketChannel socket,
                SocketAddress acceptanceAddress)
                throws IOException {
            super(service, props, handler, socket, acceptanceAddress);
            supported = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        }

        @Override
        protected void handleReadCycleCompletion(
                ByteBuffer buffer,
                Readable bufReader,
                Nio2CompletionHandler<Integer, Object> completionHandler,
                Integer result,
                Object attachment) {
            super.handleReadCycleCompletion(buffer, bufReader, completionHandler, result, attachment);
            if (supported && result != null && result > 0) {
                acknowledgeNow();
            }
        }

        private void acknowledgeNow() {
            AsynchronousSocketChannel socket = getSocket();
            if (!socket.isOpen()) {
                return;
            }
            try {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                // closed in between, or refused by this kernel: never worth failing a session for, stop trying
                supported = false;
            }
        }
    }
}
