# syntax=docker/dockerfile:1
# One image per service, built from this repository:
#   docker build --build-arg SERVICE=producer-service -t userstream/producer-service .
#   docker build --build-arg SERVICE=sink-service     -t userstream/sink-service .
# The base images are build arguments, so they can come from a registry of your own
# (e.g. --build-arg RUNTIME_IMAGE=registry.example.com/eclipse-temurin:17-jre). The runtime image
# needs a JRE 17+ and curl (the HEALTHCHECK uses it; eclipse-temurin's Ubuntu images have both).
#
# Maven's repository (~/.m2) is a BuildKit cache mount: it outlives the build, so a rebuild after a code
# change downloads nothing. BuildKit (Docker 23+, `docker compose`, buildx) and podman/buildah take it;
# the first line selects the Dockerfile syntax that has it. Docker's legacy builder (DOCKER_BUILDKIT=0)
# rejects RUN --mount; it builds the same image, without the cache, from the file minus the mount:
#   sed 's/--mount=[^ ]* //' Dockerfile | DOCKER_BUILDKIT=0 docker build --build-arg SERVICE=sink-service -f - .
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
ARG SERVICE=producer-service

FROM ${BUILD_IMAGE} AS build
ARG SERVICE
WORKDIR /workspace
# the whole reactor (Maven reads every module's pom), minus what .dockerignore leaves out
COPY . .
RUN --mount=type=cache,target=/root/.m2,id=userstream-m2 \
    ./mvnw -B -ntp -pl "${SERVICE}" -am package -Dmaven.test.skip=true \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --layers --launcher --destination /extracted \
 && case "${SERVICE}" in \
      producer-service) echo "8080 8081" ;; \
      sink-service) echo "8090 8091" ;; \
      *) echo "unknown SERVICE ${SERVICE}: producer-service or sink-service" >&2; exit 1 ;; \
    esac > /extracted/ports

FROM ${RUNTIME_IMAGE}
ARG SERVICE
RUN groupadd --gid 10001 userstream \
 && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin userstream
WORKDIR /app
# least to most often changed: a code change rebuilds only the last layer
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY --from=build /extracted/ports /app/ports
USER 10001:10001
ENV SERVICE=${SERVICE} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
# producer-service: 8080 (app), 8081 (actuator); sink-service: 8090 (app), 8091 (actuator)
EXPOSE 8080 8081 8090 8091
# readiness on the management port (MANAGEMENT_SERVER_PORT if set, else the service's default)
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD port="${MANAGEMENT_SERVER_PORT:-$(cut -d' ' -f2 /app/ports)}"; \
      curl -fsS -o /dev/null "http://127.0.0.1:${port}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
