package dev.userstream.sink.listener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.userstream.model.UserRecord;
import dev.userstream.model.UserRecordJson;
import dev.userstream.sink.validation.FernetToken;
import dev.userstream.sink.validation.TokenVerifier;
import dev.userstream.sink.writer.IncomingUser;
import dev.userstream.sink.writer.KafkaPosition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Splits a polled batch into users to store and records to dead-letter, with the reason for each.
 * Whatever a record's bytes, triage ends in one of the two for it: a failure while reading or checking
 * one record, expected or not, is about that record and dead-letters it ({@code unprocessable} when
 * unexpected), never the batch.
 * <p>
 * User ids are kept in one canonical form, lower case, so that ids equal but for letter case are one user
 * in every store (MySQL's collation would take them as one, PostgreSQL and S3 keys as two).
 * Records in the original producer's format (no {@code user_id}) get an id derived from their bytes
 * (a name-based UUID), so a redelivered one, or one the producer's client sent twice, gets the same
 * id again. Not from the record's offset: offsets start again at 0 when a topic is re-created, and a
 * different user at a reused offset would then be taken for a redelivery and dropped.
 * <p>
 * Records whose three tokens are all well formed but signed by none of the sink's keys are counted:
 * when they are most of a batch, the producer most likely encrypts with a key the sink was not given yet
 * (rotation done in the wrong order), and {@link UnknownSigningKeyException} makes that an outage rather
 * than dead-lettering good data.
 */
@Component
class RecordTriage {

	private static final LogAccessor logger = new LogAccessor(RecordTriage.class);

	/** Reason of a record whose three tokens are signed by a key the sink does not have. */
	static final String UNKNOWN_KEY = "unknown_key";

	private static final Map<String, String> WIRE_NAMES = Map.of("userId", "user_id", "dobDate", "dob.date",
			"dobAge", "dob.age", "schemaVersion", "schema_version", "producedAtStorable", "produced_at",
			"dobDateStorable", "dob.date");

	private final Validator validator;

	private final TokenVerifier tokens;

	RecordTriage(Validator validator, TokenVerifier tokens) {
		this.validator = validator;
		this.tokens = tokens;
	}

	/**
	 * Sorts a batch.
	 * @throws UnknownSigningKeyException when most records are signed by a key the sink does not have
	 */
	Triage triage(List<ConsumerRecord<String, UserMessage>> records) {
		List<IncomingUser> accepted = new ArrayList<>(records.size());
		Map<IncomingUser, ConsumerRecord<String, UserMessage>> sources = new IdentityHashMap<>(records.size());
		List<Rejected> rejected = new ArrayList<>();
		Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
		int signedByAnotherKey = 0;
		for (ConsumerRecord<String, UserMessage> record : records) {
			firstOffsets.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
			try {
				IncomingUser user = accept(record);
				accepted.add(user);
				sources.put(user, record);
			}
			catch (InvalidRecordException ex) {
				rejected.add(new Rejected(record, ex));
				signedByAnotherKey += ex.reason().equals(UNKNOWN_KEY) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				// not a rule of the contract but a failure of this code on these bytes: still about this record
				logger.warn(ex, () -> "Could not process " + record.topic() + "-" + record.partition() + "@" + record.offset()
						+ "; dead-lettering it as unprocessable");
				rejected.add(new Rejected(record, new InvalidRecordException("unprocessable",
						"the sink failed on this record (" + ex.getClass().getName() + ")")));
			}
		}
		if (signedByAnotherKey * 2 > records.size()) {
			throw new UnknownSigningKeyException(signedByAnotherKey, records.size());
		}
		return new Triage(accepted, rejected, firstOffsets, sources);
	}

	private IncomingUser accept(ConsumerRecord<String, UserMessage> record) {
		DeserializationException notParsed = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
		if (notParsed != null) {
			throw notRead(notParsed);
		}
		if (record.value() == null) {
			throw new InvalidRecordException("empty", "the record has no value");
		}
		UserMessage message = record.value();
		if (message.record() == null) {
			throw new InvalidRecordException("not_json", "the value is JSON null, not a user record");
		}
		// the id from the bytes only for the original producer's records: hashing every payload costs time
		String derivedId = (message.record().userId() == null) ? derivedId(message.payload()) : null;
		IncomingUser user = IncomingUser.from(message.record(), derivedId, position(record));
		Set<ConstraintViolation<IncomingUser>> violations = this.validator.validate(user);
		if (!violations.isEmpty()) {
			String reason = reason(violations);
			if (reason.equals("token") && signedByAnotherKey(user)) {
				throw new InvalidRecordException(UNKNOWN_KEY, "email, username and password are signed by none of the"
						+ " sink's keys (pipeline.encryption.keys)");
			}
			throw new InvalidRecordException(reason, describe(violations));
		}
		return user;
	}

	private boolean signedByAnotherKey(IncomingUser user) {
		return this.tokens.signedByAnotherKey(user.email()) && this.tokens.signedByAnotherKey(user.username())
				&& this.tokens.signedByAnotherKey(user.password());
	}

	static String derivedId(byte[] payload) {
		return UUID.nameUUIDFromBytes(payload).toString();
	}

	private static KafkaPosition position(ConsumerRecord<?, ?> record) {
		return new KafkaPosition(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()));
	}

	/**
	 * Why a value could not be read: a field holding a value of another JSON type than the contract's
	 * ({@code "age": "33"}, {@code "name": 7}) is {@code invalid_field} naming that field, anything else
	 * (not UTF-8, not JSON, not an object, trailing data) {@code not_json}.
	 */
	private static InvalidRecordException notRead(DeserializationException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		// Jackson's own message may quote the record's content; its path names only fields
		if (cause instanceof JacksonException jackson) {
			String field = UserRecordJson.mismatchedField(jackson);
			if (field != null && newerSchemaVersion(ex.getData())) {
				// a newer contract may type a field otherwise: the record waits for a newer sink, like any of its version
				return new InvalidRecordException("schema_version", "schema_version is newer than this sink knows");
			}
			if (field != null) {
				return new InvalidRecordException("invalid_field",
						field + " is not of the type the contract gives it");
			}
		}
		String where = (cause instanceof JacksonException jackson) ? " at " + jackson.getPathReference() : "";
		return new InvalidRecordException("not_json",
				"the value is not a JSON user record (" + cause.getClass().getSimpleName() + where + ")");
	}

	private static boolean newerSchemaVersion(byte[] value) {
		try {
			JsonNode version = (value != null) ? UserRecordJson.mapper().readTree(value).path("schema_version") : null;
			return version != null && version.isIntegralNumber() && version.canConvertToInt()
					&& version.intValue() > UserRecord.CURRENT_SCHEMA_VERSION;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static String reason(Set<ConstraintViolation<IncomingUser>> violations) {
		Set<String> fields = violations.stream().map(RecordTriage::field).collect(Collectors.toSet());
		if (fields.contains("schema_version")) {
			return "schema_version";
		}
		if (fields.contains("user_id")) {
			return "user_id";
		}
		boolean token = violations.stream()
			.anyMatch((v) -> v.getConstraintDescriptor().getAnnotation() instanceof FernetToken);
		return token ? "token" : "invalid_field";
	}

	private static String describe(Set<ConstraintViolation<IncomingUser>> violations) {
		return violations.stream()
			.map((v) -> field(v) + " " + v.getMessage())
			.sorted(Comparator.naturalOrder())
			.collect(Collectors.joining("; "));
	}

	private static String field(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		return WIRE_NAMES.getOrDefault(path, path);
	}

	/**
	 * A polled batch, sorted.
	 *
	 * @param accepted users to store
	 * @param rejected records to dead-letter
	 * @param firstOffsets first polled offset per partition
	 * @param sources the record each accepted user came from
	 */
	record Triage(List<IncomingUser> accepted, List<Rejected> rejected, Map<TopicPartition, Long> firstOffsets,
			Map<IncomingUser, ConsumerRecord<String, UserMessage>> sources) {

		/** The consumed record an accepted user came from. */
		ConsumerRecord<String, UserMessage> source(IncomingUser user) {
			return this.sources.get(user);
		}

	}

	/**
	 * A record that can never be stored.
	 *
	 * @param record the record as consumed
	 * @param cause why
	 */
	record Rejected(ConsumerRecord<String, UserMessage> record, InvalidRecordException cause) {
	}

}
