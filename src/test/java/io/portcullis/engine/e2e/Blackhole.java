package io.portcullis.engine.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports that look like routers lost in a blackhole. "Silent" ports accept TCP and then say
 * nothing (no SSH identification, ever); "full" ports have a full accept queue, so the kernel drops
 * every further SYN and the client's TCP connect never completes. The silent ports count how many
 * connections are open at once: the number of connection attempts the client has in flight.
 *
 * <p>One selector thread serves every port. Before each accept it first reaps connections the client
 * already closed (a non-blocking read returning end-of-stream), so a close that reached the kernel
 * before the next SYN is never counted as concurrent with it.
 */
final class Blackhole implements AutoCloseable {
    private final Selector selector;
    private final List<ServerSocketChannel> silent = new ArrayList<>();
    private final List<ServerSocketChannel> full = new ArrayList<>();
    private final List<Socket> queueFillers = new ArrayList<>();
    private final Set<SocketChannel> open = new HashSet<>();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger openNow = new AtomicInteger();
    private final ByteBuffer sink = ByteBuffer.allocate(8192);
    private final Thread loop;
    private volatile boolean running = true;

    private Blackhole(int silentPorts, int fullPorts) throws IOException {
        selector = Selector.open();
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int i = 0; i < silentPorts; i++) {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.bind(new InetSocketAddress(lo, 0), 4096);
            s.configureBlocking(false);
            s.register(selector, SelectionKey.OP_ACCEPT);
            silent.add(s);
        }
        for (int i = 0; i < fullPorts; i++) {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.bind(new InetSocketAddress(lo, 0), 1);
            full.add(s);
            fillAcceptQueue(s.socket().getLocalPort());
        }
        loop = new Thread(this::run, "blackhole-listener");
        loop.setDaemon(true);
        loop.start();
    }

    static Blackhole start(int silentPorts, int fullPorts) throws IOException {
        return new Blackhole(silentPorts, fullPorts);
    }

    /** Connects until the kernel stops completing handshakes: from then on SYNs to this port are dropped. */
    private void fillAcceptQueue(int port) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
                queueFillers.add(s);
            } catch (IOException timedOut) {
                s.close();
                return;
            }
        }
        throw new IllegalStateException("accept queue of port " + port + " never filled");
    }

    List<Integer> silentPorts() {
        return silent.stream().map(s -> s.socket().getLocalPort()).toList();
    }

    List<Integer> fullPorts() {
        return full.stream().map(s -> s.socket().getLocalPort()).toList();
    }

    /** Most connections open at the same moment on the silent ports. */
    int maxConcurrent() {
        return maxOpen.get();
    }

    int accepted() {
        return accepted.get();
    }

    /** Connections accepted and not yet closed by the client. */
    int openNow() {
        return openNow.get();
    }

    private void run() {
        try {
            while (running) {
                selector.select(50);
                for (SelectionKey k : selector.selectedKeys()) {
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        reapClosed();
                        acceptAll((ServerSocketChannel) k.channel());
                    } else if (k.isReadable()) {
                        drain((SocketChannel) k.channel());
                    }
                }
                selector.selectedKeys().clear();
                reapClosed();
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                throw new IllegalStateException("blackhole listener failed", e);
            }
        }
    }

    private void acceptAll(ServerSocketChannel server) throws IOException {
        SocketChannel c;
        while ((c = server.accept()) != null) {
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ);
            open.add(c);
            accepted.incrementAndGet();
            openNow.set(open.size());
            maxOpen.accumulateAndGet(open.size(), Math::max);
        }
    }

    private void reapClosed() {
        for (SocketChannel c : List.copyOf(open)) {
            drain(c);
        }
    }

    /** Reads and discards what the client sent (its SSH identification); closes on end-of-stream or reset. */
    private void drain(SocketChannel c) {
        try {
            int n;
            do {
                sink.clear();
                n = c.read(sink);
            } while (n > 0);
            if (n < 0) {
                closeOne(c);
            }
        } catch (IOException reset) {
            closeOne(c);
        }
    }

    private void closeOne(SocketChannel c) {
        open.remove(c);
        openNow.set(open.size());
        try {
            c.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SocketChannel c : open) {
            c.close();
        }
        for (ServerSocketChannel s : silent) {
            s.close();
        }
        for (ServerSocketChannel s : full) {
            s.close();
        }
        for (Socket s : queueFillers) {
            s.close();
        }
        selector.close();
    }
}
