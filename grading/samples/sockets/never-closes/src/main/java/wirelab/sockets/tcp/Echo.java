package wirelab.sockets.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Sample mistake: the echo loop is right, but the socket is never closed. */
public final class Echo {

    public static final int BUFFER_SIZE = 1024;

    private Echo() {
    }

    public static void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[BUFFER_SIZE];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // client gone
        }
    }
}
