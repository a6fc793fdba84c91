package wirelab.sockets.framing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exercise 2.3: the request/response protocol on top of the framing. One request is one message,
 * words separated by single spaces; every request gets exactly one reply that starts with
 * {@code OK} or {@code ERR}:
 * <pre>
 *   PUT key value   →  OK              (value is the rest of the line and may contain spaces)
 *   GET key         →  OK value  |  ERR no such key: key
 *   DEL key         →  OK        |  ERR no such key: key
 *   anything else   →  ERR unknown command: WORD   |   ERR usage: PUT key value
 * </pre>
 * Commands are case-sensitive. The service knows nothing about sockets: it maps a request to a
 * reply, so it can be tested without a network and shared by all connections (thread-safe map).
 *
 * <p>Tests: {@code Part2KeyValueTest}.
 */
public final class KeyValueService {

    private final Map<String, String> store = new ConcurrentHashMap<>();

    /** The reply to one request; never throws, whatever the request. */
    public synchronized String handle(String request) {
        String[] words = request.split(" ", 3);
        String command = words[0];
        switch (command) {
            case "PUT":
                if (words.length < 3 || words[1].isEmpty()) {
                    return "ERR usage: PUT key value";
                }
                store.put(words[1], words[2]);
                return "OK";
            case "GET":
                if (words.length != 2 || words[1].isEmpty()) {
                    return "ERR usage: GET key";
                }
                if (!store.containsKey(words[1])) {
                    return "ERR no such key: " + words[1];
                }
                return "OK " + store.get(words[1]);
            case "DEL":
                if (words.length != 2 || words[1].isEmpty()) {
                    return "ERR usage: DEL key";
                }
                if (!store.containsKey(words[1])) {
                    return "ERR no such key: " + words[1];
                }
                store.remove(words[1]);
                return "OK";
            default:
                return "ERR unknown command: " + command;
        }
    }
}
