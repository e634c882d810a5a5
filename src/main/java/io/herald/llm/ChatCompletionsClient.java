package io.herald.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal client of an OpenAI-compatible {@code POST /v1/chat/completions} endpoint: one system and one user
 * message in, the first choice's text out. Every call, connection included, must finish within the timeout.
 * The API key goes only into the {@code Authorization} header. Thread-safe.
 */
public final class ChatCompletionsClient {
    private static final int MAX_ERROR_CHARS = 200;

    private final URI url;
    private final String model;
    private final Duration timeout;
    private final String apiKey;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param url    the endpoint, http or https
     * @param apiKey the bearer key; never logged
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public ChatCompletionsClient(URI url, String model, Duration timeout, String apiKey) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("llm: the endpoint must be an http or https URL, not " + url);
        }
        this.url = url;
        this.model = Objects.requireNonNull(model, "model");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The endpoint, for messages. */
    public URI url() {
        return url;
    }

    /**
     * Asks for one completion.
     *
     * @param maxTokens the answer's token limit
     * @return the answer's text, as given
     * @throws LlmException on timeout, a non-2xx status, or an answer that is not a chat completion
     */
    public String complete(String system, String user, int maxTokens) throws LlmException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(system, user, maxTokens)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new LlmException("llm: HTTP " + response.statusCode() + " from " + url + excerpt(response.body()));
        }
        return content(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws LlmException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new LlmException("llm: no answer from " + url + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new LlmException("llm: cannot reach " + url + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new LlmException("llm: interrupted while waiting for " + url, e);
        }
    }

    private String body(String system, String user, int maxTokens) {
        ObjectNode root = json.createObjectNode();
        root.put("model", model);
        var messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        root.put("temperature", 0.2);
        root.put("max_tokens", maxTokens);
        return root.toString();
    }

    private String content(String body) throws LlmException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmException("llm: the answer from " + url + " is not JSON" + excerpt(body), e);
        }
        JsonNode content = root == null ? null : root.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isTextual()) {
            throw new LlmException("llm: the answer from " + url + " holds no choices[0].message.content"
                    + excerpt(body));
        }
        return content.asText();
    }

    /** The start of an answer for an error message, with the key blanked should the endpoint echo it. */
    private String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replace(apiKey, "***").replaceAll("\\s+", " ").strip();
        return " (" + (flat.length() > MAX_ERROR_CHARS ? flat.substring(0, MAX_ERROR_CHARS) + "…" : flat) + ")";
    }
}
