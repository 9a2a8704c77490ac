package dev.userstream.producer;

import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.userstream.model.UserRecordJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract, {@code user-record.schema.json} from the shared-model jar, as a check on what
 * the producer really put on the topic: its {@code producer-service-record}, with formats asserted.
 */
public final class WireSchema {

	private static final Schema PRODUCED = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
		.getSchema(SchemaLocation.of("classpath:" + UserRecordJson.SCHEMA_RESOURCE + "#/$defs/producer-service-record"));

	private WireSchema() {
	}

	/** Every value is a record as producer-service must send it; the failure names the fields, not the values. */
	public static void assertProduced(List<String> values) {
		assertThat(values).isNotEmpty();
		for (int i = 0; i < values.size(); i++) {
			assertThat(PRODUCED.validate(values.get(i), InputFormat.JSON)).as("published record %d against the schema", i)
				.isEmpty();
		}
	}

}
