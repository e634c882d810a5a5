# Build stage: compile and package the fat jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, a non-root user (uid 10001, so mounted secret files can be given to it), the database on a
# volume, the config mounted read-only, the HTTP port (health, metrics, Slack) open on every interface.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 herald \
    && useradd --system --uid 10001 --gid herald --home-dir /app herald \
    && mkdir -p /app/config /data && chown -R herald:herald /app /data
WORKDIR /app
COPY --from=build /src/target/herald.jar /app/herald.jar
COPY config/herald.yml /app/config/herald.yml
ENV HERALD_CONFIG=/app/config/herald.yml \
    HERALD_DB=/data/herald.db \
    HERALD_HTTP_ADDRESS=0.0.0.0 \
    HERALD_HTTP_PORT=8080
VOLUME ["/data"]
EXPOSE 8080
USER herald
# The JRE image has no curl: bash's /dev/tcp asks /health/ready itself (no JVM start per check).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${HERALD_HTTP_PORT} && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -c 12 <&3 | grep -q ' 200$'"]
# -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError ends the container (the restart policy brings it back) instead
# of leaving a process that answers health checks but alerts nobody.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/herald.jar"]
CMD ["run"]
