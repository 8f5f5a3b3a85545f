package io.nsgflow.format.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A proxy on 127.0.0.1 that answers nothing and remembers the first line of every request sent
 * to it: the browser under test is told to send all its traffic here, so a page that asks for
 * anything on any network shows up in {@link #requests()}, and nothing leaves the machine.
 */
final class NetworkTrap implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> requests = new ArrayList<>();
    private final Thread acceptor;

    NetworkTrap() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "network-trap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                String first;
                try {
                    s.setSoTimeout(2000);
                    first = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
                } catch (IOException e) {
                    first = null;
                }
                synchronized (requests) {
                    requests.add(first == null ? "(a connection that sent no request line)" : first);
                }
            } catch (IOException e) {
                // the trap was closed
            }
        }
    }

    /** The first line of each request trapped so far. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
