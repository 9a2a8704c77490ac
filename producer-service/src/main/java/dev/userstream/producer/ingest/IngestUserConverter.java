package dev.userstream.producer.ingest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;

import dev.userstream.producer.crypto.DerivedUserIds;
import dev.userstream.producer.source.SourceUser;

import org.springframework.stereotype.Component;

/**
 * Turns a validated request user into a {@link SourceUser}, like the other sources deliver them: the
 * id lower-cased (or derived), {@code dob.date} in randomuser's shape, the age computed when absent.
 */
@Component
class IngestUserConverter {

	private final DerivedUserIds derivedIds;

	private final Clock clock;

	IngestUserConverter(DerivedUserIds derivedIds, Clock clock) {
		this.derivedIds = derivedIds;
		this.clock = clock;
	}

	SourceUser convert(IngestUser user) {
		String dobDate = BirthDate.Validator.normalize(user.dob().date());
		int age = (user.dob().age() != null) ? user.dob().age() : age(BirthDate.Validator.parse(user.dob().date()));
		String userId = (user.userId() != null) ? user.userId().toLowerCase(Locale.ROOT) : derivedId(user, dobDate);
		return new SourceUser(userId, user.name(), null, user.gender(), user.country(), user.state(), user.city(),
				user.email(), dobDate, age, user.username(), user.password());
	}

	private int age(Instant birth) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return Period.between(LocalDate.ofInstant(birth, ZoneOffset.UTC), today).getYears();
	}

	/**
	 * Every field but the age (which changes with the date of the request) and the id, each length-prefixed
	 * so that no two different users have the same bytes.
	 */
	private String derivedId(IngestUser user, String dobDate) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			for (String field : new String[] { user.name(), user.gender(), user.country(), user.state(), user.city(),
					user.email(), dobDate, user.username(), user.password() }) {
				byte[] utf8 = (field != null) ? field.getBytes(StandardCharsets.UTF_8) : null;
				out.writeInt((utf8 != null) ? utf8.length : -1);
				out.write((utf8 != null) ? utf8 : new byte[0]);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.derivedIds.derive(bytes.toByteArray()).toString();
	}

}
