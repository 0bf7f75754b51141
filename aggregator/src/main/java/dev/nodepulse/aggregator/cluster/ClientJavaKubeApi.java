package dev.nodepulse.aggregator.cluster;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link KubeApi} over client-java's {@link ApiClient}: its request builder applies the kubeconfig's or service
 * account's credentials, its OkHttp client the TLS settings. Responses are read as text and decoded by the
 * project's JSON reader into compact records, never into client-java's model classes (a Pod model object
 * costs kilobytes; the aggregator keeps name, namespace and labels).
 */
public final class ClientJavaKubeApi implements KubeApi {

    private static final String[] AUTH = {"BearerToken"};

    private final ApiClient client;
    private final OkHttpClient watchHttp;

    public ClientJavaKubeApi(ApiClient client) {
        this.client = client;
        // Watches idle for minutes between events; the server ends them at timeoutSeconds.
        this.watchHttp = client.getHttpClient().newBuilder().readTimeout(Duration.ofMinutes(12)).build();
    }

    @Override
    public String get(String path, Map<String, String> query, String accept) throws IOException {
        try (Response r = client.getHttpClient().newCall(request(path, query, accept)).execute()) {
            ResponseBody body = r.body();
            String text = body == null ? "" : body.string();
            if (!r.isSuccessful()) {
                throw new StatusException(r.code(), text);
            }
            return text;
        }
    }

    @Override
    public WatchStream watch(String path, Map<String, String> query, String accept) throws IOException {
        Call call = watchHttp.newCall(request(path, query, accept));
        Response r = call.execute();
        if (!r.isSuccessful()) {
            String text;
            try (r) {
                text = r.body() == null ? "" : r.body().string();
            }
            throw new StatusException(r.code(), text);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8));
        return new WatchStream() {
            @Override
            public String nextLine() throws IOException {
                return reader.readLine();
            }

            @Override
            public void close() {
                call.cancel();
                r.close();
            }
        };
    }

    private Request request(String path, Map<String, String> query, String accept) throws IOException {
        List<Pair> params = new ArrayList<>();
        query.forEach((k, v) -> params.add(new Pair(k, v)));
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", accept);
        try {
            return client.buildRequest(client.getBasePath(), path, "GET", params, new ArrayList<>(), null, headers,
                    new HashMap<>(), new HashMap<>(), AUTH, null);
        } catch (ApiException e) {
            throw new IOException("cannot build request for " + path + ": " + e.getMessage(), e);
        }
    }
}
