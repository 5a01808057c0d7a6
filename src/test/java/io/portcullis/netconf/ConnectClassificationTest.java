package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * How a failed TCP connect is classified (D.1 #12: refused vs timeout). MINA's own connect timer can fail
 * the future with a ConnectException wrapping a TimeoutException; that once came out as "unreachable: null".
 */
class ConnectClassificationTest {
    private static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void minaConnectTimerExpiryIsATimeoutNotARefusalOrUnreachable() {
        ConnectException mina = new ConnectException("I/O connection time-out of 2000ms expired");
        mina.initCause(new TimeoutException());
        NetconfException e = NetconfClient.classifyConnect(mina, "127.0.0.1:830", LIMIT);
        assertThat(e.failure()).isEqualTo(Failure.CONNECT_TIMEOUT);
        assertThat(e.getMessage())
                .isEqualTo("no TCP connection to 127.0.0.1:830 within 2 s; check reachability and filters");
    }

    @Test
    void socketTimeoutAnywhereInTheChainIsATimeout() {
        RuntimeException wrapped = new RuntimeException("wrapper", new SocketTimeoutException("connect timed out"));
        assertThat(NetconfClient.classifyConnect(wrapped, "h:1", LIMIT).failure())
                .isEqualTo(Failure.CONNECT_TIMEOUT);
    }

    @Test
    void plainConnectExceptionIsRefused() {
        NetconfException e = NetconfClient.classifyConnect(new ConnectException("Connection refused"), "h:1", LIMIT);
        assertThat(e.failure()).isEqualTo(Failure.CONNECT_REFUSED);
        assertThat(e.getMessage()).contains("refused");
    }

    @Test
    void otherNetworkErrorsAreUnreachableWithAReadableReasonEvenWithoutAMessage() {
        assertThat(NetconfClient.classifyConnect(new NoRouteToHostException("No route to host"), "h:1", LIMIT)
                        .failure())
                .isEqualTo(Failure.CONNECT_FAILED);
        NetconfException e = NetconfClient.classifyConnect(new IllegalStateException(), "h:1", LIMIT);
        assertThat(e.failure()).isEqualTo(Failure.CONNECT_FAILED);
        assertThat(e.getMessage())
                .isEqualTo("cannot connect to h:1: IllegalStateException")
                .doesNotContain("null");
    }
}
