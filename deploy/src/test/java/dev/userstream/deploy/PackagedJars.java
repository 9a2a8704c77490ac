package dev.userstream.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.userstream.testsupport.Http;
import dev.userstream.testsupport.ServiceProcess;

import static org.awaitility.Awaitility.await;

/** The packaged services run as processes by a test class, stopped together when it closes this. */
final class PackagedJars implements AutoCloseable {

	private final List<ServiceProcess> processes = new ArrayList<>();

	/** Starts the service's jar (built by the reactor) with these environment variables and arguments. */
	ServiceProcess start(DeployedServices service, Map<String, String> env, String... arguments) {
		ServiceProcess process = ServiceProcess.jar(Path.of(System.getProperty("userstream." + service.module() + ".jar")), env,
				List.of(arguments));
		this.processes.add(process);
		return process.start();
	}

	/** Waits until the service's readiness answers 200; fails at once when the process exits. */
	static void awaitReady(ServiceProcess process, int managementPort) {
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("exited; see " + process.log());
			}
			try {
				return Http.get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness").status() == 200;
			}
			catch (RuntimeException notYet) {
				return false;
			}
		});
	}

	/** {@code POST /api/users} to the producer on this port. */
	static HttpResponse<String> postUsers(int port, String token, String usersJson) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(usersJson))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.processes.forEach(ServiceProcess::close);
	}

}
