package dev.userstream.deploy;

/**
 * The two services as the deploy files see them: module, chart component and ports. The ports are the
 * services' own defaults ({@code server.port}, {@code management.server.port}); the integration tests
 * check them against each packaged application.yaml.
 */
enum DeployedServices {

	PRODUCER("producer-service", "producer", 8080, 8081), SINK("sink-service", "sink", 8090, 8091);

	private final String module;

	private final String component;

	private final int httpPort;

	private final int managementPort;

	DeployedServices(String module, String component, int httpPort, int managementPort) {
		this.module = module;
		this.component = component;
		this.httpPort = httpPort;
		this.managementPort = managementPort;
	}

	static DeployedServices of(String componentOrModule) {
		for (DeployedServices service : values()) {
			if (service.component.equals(componentOrModule) || service.module.equals(componentOrModule)) {
				return service;
			}
		}
		throw new IllegalArgumentException("not a userstream service: " + componentOrModule);
	}

	String module() {
		return this.module;
	}

	String component() {
		return this.component;
	}

	int httpPort() {
		return this.httpPort;
	}

	int managementPort() {
		return this.managementPort;
	}

}
