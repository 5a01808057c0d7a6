package io.portcullis.store;

import io.portcullis.testing.TcpCut;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * A real database reached through a {@link TcpCut}, so a test can take the network away mid-run: H2 in server
 * mode (its TCP server on an ephemeral port, files in a temp dir) or a fresh schema in the lab PostgreSQL.
 * {@link #viaCut()} are the settings the code under test gets; {@link #direct()} bypass the cut, for checking.
 */
public final class CutDatabase implements AutoCloseable {
    private final Backend backend;
    private final DbSettings direct;
    private final DbSettings viaCut;
    private final TcpCut cut;
    private final Server h2;

    private CutDatabase(Backend backend, DbSettings direct, DbSettings viaCut, TcpCut cut, Server h2) {
        this.backend = backend;
        this.direct = direct;
        this.viaCut = viaCut;
        this.cut = cut;
        this.h2 = h2;
    }

    public static CutDatabase of(Backend b, Path tmp) {
        if (b == Backend.H2) {
            try {
                Server server = Server.createTcpServer(
                                "-tcpPort",
                                "0",
                                "-ifNotExists",
                                "-baseDir",
                                tmp.toAbsolutePath().toString())
                        .start();
                String flags = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
                TcpCut cut = TcpCut.to("127.0.0.1", server.getPort());
                return new CutDatabase(
                        b,
                        new DbSettings(
                                true,
                                "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/portcullis" + flags,
                                "",
                                "",
                                null),
                        new DbSettings(
                                true, "jdbc:h2:tcp://127.0.0.1:" + cut.port() + "/portcullis" + flags, "", "", null),
                        cut,
                        server);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot start an H2 TCP server: " + e.getMessage(), e);
            }
        }
        DbSettings direct = b.fresh(tmp);
        URI u = URI.create(direct.url().substring("jdbc:".length()));
        TcpCut cut = TcpCut.to(u.getHost(), u.getPort());
        String via =
                direct.url().replace("//" + u.getHost() + ":" + u.getPort() + "/", "//127.0.0.1:" + cut.port() + "/");
        return new CutDatabase(
                b, direct, new DbSettings(true, via, direct.username(), direct.password(), null), cut, null);
    }

    public DbSettings direct() {
        return direct;
    }

    public DbSettings viaCut() {
        return viaCut;
    }

    public TcpCut cut() {
        return cut;
    }

    @Override
    public void close() {
        cut.close();
        if (h2 != null) {
            h2.stop();
        } else {
            backend.drop(direct);
        }
    }
}
