package io.herald.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Answers the requests of one path and method. */
@FunctionalInterface
public interface Route {

    HttpReply handle(HttpCall call) throws Exception;

    /**
     * This route behind {@code Authorization: Bearer <token>} (compared in constant time); anything else gets 401
     * with {@code WWW-Authenticate: Bearer}.
     */
    default Route withBearerToken(String token) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return call -> {
            byte[] given = call.header("Authorization").orElse("").getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, given)) {
                return HttpReply.error(401, "send the metrics token as Authorization: Bearer <token>")
                        .withHeader("WWW-Authenticate", "Bearer");
            }
            return handle(call);
        };
    }
}
