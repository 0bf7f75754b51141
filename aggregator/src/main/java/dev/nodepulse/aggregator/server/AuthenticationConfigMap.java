package dev.nodepulse.aggregator.server;

import dev.nodepulse.aggregator.cluster.KubeApi;
import dev.nodepulse.json.JsonException;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kube-system/extension-apiserver-authentication}, which kube-apiserver keeps for aggregated API
 * servers: the client CA and the front proxy's CA, allowed names and header names (JSON arrays in string
 * values). Read when the {@code --requestheader-*} / {@code --client-ca-file} flags are absent.
 */
public record AuthenticationConfigMap(String clientCa, String requestHeaderCa, List<String> allowedNames,
        List<String> usernameHeaders, List<String> groupHeaders, List<String> extraHeaderPrefixes, List<String> uidHeaders) {

    static final String PATH = "/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication";

    public static AuthenticationConfigMap read(KubeApi api) throws IOException, JsonException {
        JsonObject cm = JsonReader.parseObject(api.get(PATH, Map.of(), "application/json"));
        Map<String, String> data = cm.stringMap("data");
        if (data == null) {
            data = Map.of();
        }
        return new AuthenticationConfigMap(data.get("client-ca-file"), data.get("requestheader-client-ca-file"),
                array(data, "requestheader-allowed-names"), array(data, "requestheader-username-headers"),
                array(data, "requestheader-group-headers"), array(data, "requestheader-extra-headers-prefix"),
                array(data, "requestheader-uid-headers"));
    }

    private static List<String> array(Map<String, String> data, String key) throws JsonException {
        String v = data.get(key);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        Object parsed = JsonReader.parse(v);
        List<String> out = new ArrayList<>();
        if (parsed instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
