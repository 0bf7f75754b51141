package dev.nodepulse.aggregator.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * The few raw calls the aggregator makes to the API server: GET a document, and open a watch stream of
 * newline-separated JSON events. Implemented over client-java's configured HTTP client, so kubeconfig and
 * in-cluster credentials work as in any client; tests point it at a fake server.
 */
public interface KubeApi {

    /** An API answer other than 2xx, with its status code and body (usually a metav1 Status). */
    final class StatusException extends IOException {
        private final int code;

        public StatusException(int code, String body) {
            super("API server answered " + code + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** One open watch: lines until the server ends the stream (null). */
    interface WatchStream extends Closeable {
        String nextLine() throws IOException;
    }

    String get(String path, Map<String, String> query, String accept) throws IOException;

    WatchStream watch(String path, Map<String, String> query, String accept) throws IOException;
}
