package wirelab.sockets.tcp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** SAMPLE: the echo goes into a BufferedOutputStream that is never flushed: the client waits for an answer that never leaves. */
public final class Echo {

    public static final int BUFFER_SIZE = 1024;

    private Echo() {
    }

    public static void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            byte[] buffer = new byte[BUFFER_SIZE];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // reset by the client, or closed by the server's close()
        }
    }
}
