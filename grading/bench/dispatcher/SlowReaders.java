import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** N clients send GET /big.bin and never read; then a plain GET /index.html must be answered. */
public class SlowReaders {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            slow.add(s);
        }
        Thread.sleep(1000);   // let the server start writing to them
        long start = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(65_000);
            s.getOutputStream().write("GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            System.out.printf("%d slow readers; a plain GET was answered after %.1f s: %s%n", readers,
                    (System.nanoTime() - start) / 1e9, line);
        } catch (SocketTimeoutException e) {
            System.out.printf("%d slow readers; a plain GET got NO answer within %.1f s%n", readers,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }
}
