# Build stage: compile and package the fat jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, a non-root user, the database on a volume, the config mounted read-only.
FROM eclipse-temurin:17-jre
RUN groupadd --system herald && useradd --system --gid herald --home-dir /app herald \
    && mkdir -p /app/config /data && chown -R herald:herald /app /data
WORKDIR /app
COPY --from=build /src/target/herald.jar /app/herald.jar
COPY config/herald.yml /app/config/herald.yml
ENV HERALD_CONFIG=/app/config/herald.yml \
    HERALD_DB=/data/herald.db
VOLUME ["/data"]
USER herald
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/herald.jar"]
CMD ["run"]
