package dev.userstream.sink.listener;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.userstream.model.Fernet;
import dev.userstream.model.FernetKey;
import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.SinkProperties;
import dev.userstream.sink.TestUsers;
import dev.userstream.sink.validation.TokenVerifier;
import dev.userstream.sink.writer.IncomingUser;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class RecordTriageTests {

	private static final Fernet OTHER_KEY = Fernet.fromProperty(FernetKey.generate(new SecureRandom()).encoded(), "other");

	private final AnnotationConfigApplicationContext context = validation();

	private final TokenVerifier tokens = this.context.getBean(TokenVerifier.class);

	private final RecordTriage triage = new RecordTriage(this.context.getBean(Validator.class), this.tokens);

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void derivesTheSameIdForTheSameBytesAndAnotherForOtherBytes() {
		byte[] first = TestUsers.originalProducerMessages().get(0).getBytes(StandardCharsets.UTF_8);
		byte[] second = TestUsers.originalProducerMessages().get(1).getBytes(StandardCharsets.UTF_8);
		assertThat(RecordTriage.derivedId(first)).isEqualTo(RecordTriage.derivedId(first.clone()))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")
			.isNotEqualTo(RecordTriage.derivedId(second));
	}

	@Test
	void keepsIdsInLowerCase() {
		UserRecord user = TestUsers.user(1);
		UserRecord upper = withId(user, user.userId().toUpperCase(Locale.ROOT));

		RecordTriage.Triage sorted = this.triage.triage(List.of(record(0, upper)));

		assertThat(sorted.accepted()).singleElement().extracting(IncomingUser::userId).isEqualTo(user.userId());
	}

	@Test
	void deadLettersJsonNullAndARecordTheSinkFailsOnWithoutFailingTheBatch() {
		UserRecord good = TestUsers.user(1);
		UserRecord failing = TestUsers.user(2);
		Validator validator = mock(Validator.class);
		given(validator.validate(any(IncomingUser.class))).willAnswer((call) -> {
			if (call.<IncomingUser>getArgument(0).userId().equals(failing.userId())) {
				throw new IllegalStateException("a failure nobody foresaw");
			}
			return Set.of();
		});
		RecordTriage failingTriage = new RecordTriage(validator, this.tokens);
		ConsumerRecord<String, UserMessage> jsonNull = new ConsumerRecord<>("t", 0, 1, "null", new UserMessage(null, "null".getBytes()));

		RecordTriage.Triage sorted = failingTriage.triage(List.of(record(0, good), jsonNull, record(2, failing)));

		assertThat(sorted.accepted()).extracting(IncomingUser::userId).containsExactly(good.userId());
		assertThat(sorted.rejected()).extracting((rejected) -> rejected.cause().reason())
			.containsExactly("not_json", "unprocessable");
		assertThat(sorted.rejected().get(1).cause().getMessage()).contains(IllegalStateException.class.getName())
			.doesNotContain("nobody foresaw");
	}

	@Test
	void aMinorityOfRecordsSignedByAnotherKeyIsDeadLetteredAsUnknownKey() {
		RecordTriage.Triage sorted = this.triage.triage(List.of(record(0, TestUsers.user(1)),
				record(1, signedByAnotherKey(TestUsers.user(2))), record(2, TestUsers.user(3))));

		assertThat(sorted.accepted()).hasSize(2);
		assertThat(sorted.rejected()).singleElement().satisfies((rejected) -> assertThat(rejected.cause().reason())
			.isEqualTo(RecordTriage.UNKNOWN_KEY));
	}

	@Test
	void aBatchMostlySignedByAnotherKeyIsAnOutageNotDeadLetters() {
		List<ConsumerRecord<String, UserMessage>> batch = List.of(record(0, signedByAnotherKey(TestUsers.user(1))),
				record(1, signedByAnotherKey(TestUsers.user(2))), record(2, TestUsers.user(3)));

		assertThatExceptionOfType(UnknownSigningKeyException.class).isThrownBy(() -> this.triage.triage(batch))
			.withMessageContaining("2 of 3 records")
			.withMessageContaining("pipeline.encryption.keys");
	}

	@Test
	void oneAlteredTokenIsATokenFailureNotAnUnknownKey() {
		UserRecord user = TestUsers.user(1);
		UserRecord altered = new UserRecord(user.userId(), user.name(), user.gender(), user.country(), user.state(),
				user.city(), OTHER_KEY.encrypt("x@example.com"), user.dob(), user.username(), user.password(), user.source(),
				user.producedAt(), user.schemaVersion());

		RecordTriage.Triage sorted = this.triage.triage(List.of(record(0, altered)));

		assertThat(sorted.rejected()).singleElement().satisfies((rejected) -> assertThat(rejected.cause().reason())
			.isEqualTo("token"));
	}

	@Test
	void deadLettersAValueOfAnotherTypeAsInvalidFieldNamingTheFieldAndAnUnreadableOneAsNotJson() {
		String json = UserRecordJson.write(TestUsers.user(1));
		UserRecord good = TestUsers.user(2);

		RecordTriage.Triage sorted = this.triage.triage(List.of(
				notRead(0, json.replaceFirst("\"age\":\\d+", "\"age\":\"33\"")),
				notRead(1, json.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":7")),
				notRead(2, json.replaceFirst("\"age\":\\d+", "\"age\":\"33\"").replace("\"schema_version\":1", "\"schema_version\":2")),
				notRead(3, "[" + json + "]"), notRead(4, json.substring(0, json.length() / 2)), record(5, good)));

		assertThat(sorted.accepted()).singleElement().extracting(IncomingUser::userId).isEqualTo(good.userId());
		assertThat(sorted.rejected()).extracting((rejected) -> rejected.cause().reason())
			.containsExactly("invalid_field", "invalid_field", "schema_version", "not_json", "not_json");
		assertThat(sorted.rejected()).extracting((rejected) -> rejected.cause().getMessage()).startsWith(
				"invalid_field: dob.age is not of the type the contract gives it",
				"invalid_field: name is not of the type the contract gives it");
	}

	/** A value the deserializer could not read, as spring-kafka's ErrorHandlingDeserializer hands it on. */
	private static ConsumerRecord<String, UserMessage> notRead(long offset, String json) {
		byte[] value = json.getBytes(StandardCharsets.UTF_8);
		JacksonException failure = catchThrowableOfType(JacksonException.class, () -> UserRecordJson.read(value));
		assertThat(failure).as(json).isNotNull();
		RecordHeaders headers = new RecordHeaders();
		SerializationUtils.deserializationException(headers, value, failure, false);
		return new ConsumerRecord<>("t", 0, offset, 0L, TimestampType.CREATE_TIME, 0, value.length, "k", null, headers,
				Optional.empty());
	}

	private static ConsumerRecord<String, UserMessage> record(long offset, UserRecord user) {
		byte[] json = TestUsers.json(user);
		return new ConsumerRecord<>("t", 0, offset, user.userId(), new UserMessage(user, json));
	}

	private static UserRecord signedByAnotherKey(UserRecord u) {
		return new UserRecord(u.userId(), u.name(), u.gender(), u.country(), u.state(), u.city(), OTHER_KEY.encrypt("e"),
				u.dob(), OTHER_KEY.encrypt("u"), OTHER_KEY.encrypt("p"), u.source(), u.producedAt(), u.schemaVersion());
	}

	private static UserRecord withId(UserRecord u, String userId) {
		return new UserRecord(userId, u.name(), u.gender(), u.country(), u.state(), u.city(), u.email(), u.dob(),
				u.username(), u.password(), u.source(), u.producedAt(), u.schemaVersion());
	}

	/** Bean Validation as the sink has it: Spring's factory, so the token constraint gets the verifier. */
	private static AnnotationConfigApplicationContext validation() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(TokenVerifier.class, () -> new TokenVerifier(
				new SinkProperties("t", new SinkProperties.Encryption(TestUsers.KEY))));
		context.registerBean(LocalValidatorFactoryBean.class);
		context.refresh();
		return context;
	}

}
