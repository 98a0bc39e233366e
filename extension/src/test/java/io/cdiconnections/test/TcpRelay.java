package io.cdiconnections.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a pool and a database, for outage tests: {@link #cut()} closes every open
 * connection and refuses new ones, {@link #restore()} accepts again on the same port. Cut from the
 * start ({@link #refusing(int)}), it stands for a database that is down when the application starts.
 * {@link #freeze()} keeps connections open but lets no byte through: a hung network or database.
 */
public final class TcpRelay implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean frozen;
    private final int port;

    /**
     * @param targetPort the local database port to relay to
     * @throws IOException when no port is free
     */
    public TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = open(0);
        this.port = server.getLocalPort();
    }

    /**
     * @param targetPort the local database port to relay to
     * @return a relay that refuses connections until {@link #restore()}
     * @throws IOException when no port is free
     */
    public static TcpRelay refusing(int targetPort) throws IOException {
        TcpRelay relay = new TcpRelay(targetPort);
        relay.cut();
        return relay;
    }

    /** @return the port clients connect to, the same before and after a cut */
    public int port() {
        return port;
    }

    /**
     * Closes every relayed connection and refuses new ones.
     *
     * @throws IOException when a socket cannot be closed
     */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    /**
     * Freezes the path: connections stay open, and new ones are accepted, but no byte goes
     * through in either direction until {@link #thaw()}, as when a network or a database hangs.
     */
    public void freeze() {
        frozen = true;
    }

    /** Lets bytes through again. */
    public void thaw() {
        frozen = false;
    }

    /**
     * Accepts connections again on the same port.
     *
     * @throws IOException when the port cannot be bound again
     */
    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            server = open(port);
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private ServerSocket open(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", onPort));
        Thread accept = new Thread(() -> acceptLoop(s), "relay-accept-" + onPort);
        accept.setDaemon(true);
        accept.start();
        return s;
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket db = new Socket("127.0.0.1", targetPort);
                sockets.add(client);
                sockets.add(db);
                pipe(client, db);
                pipe(db, client);
            } catch (IOException e) {
                return; // closed by cut()
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    while (frozen && !to.isClosed()) {
                        Thread.sleep(10);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "relay-pipe");
        t.setDaemon(true);
        t.start();
    }
}
