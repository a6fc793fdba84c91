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
    public String handle(String request) {
        int space = request.indexOf(' ');
        String command = space < 0 ? request : request.substring(0, space);
        String rest = space < 0 ? null : request.substring(space + 1);
        if (command.equals("PUT")) {
            int split = rest == null ? -1 : rest.indexOf(' ');
            if (split <= 0) {
                return "ERR usage: PUT key value";
            }
            store.put(rest.substring(0, split), rest.substring(split + 1));
            return "OK";
        }
        if (command.equals("GET") || command.equals("DEL")) {
            if (rest == null || rest.isEmpty() || rest.indexOf(' ') >= 0) {
                return "ERR usage: " + command + " key";
            }
            if (command.equals("GET")) {
                String value = store.getOrDefault(rest, null);
                return value == null ? "ERR no such key: " + rest : "OK " + value;
            }
            boolean[] found = {false};
            store.computeIfPresent(rest, (key, value) -> {
                found[0] = true;
                return null; // null removes the entry
            });
            return found[0] ? "OK" : "ERR no such key: " + rest;
        }
        return "ERR unknown command: " + command;
    }
}
