package dev.userstream.sink.reliability;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import dev.userstream.testsupport.KafkaTestClients;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/** The members of a consumer group, as the broker sees them. */
final class ConsumerGroups {

	private ConsumerGroups() {
	}

	/**
	 * The member ids of the group's members that hold partitions. A member that is thrown out (it
	 * exceeded {@code max.poll.interval.ms}) and joins again gets a new id, so an unchanged set means
	 * no member left.
	 */
	static Set<String> activeMemberIds(KafkaTestClients clients, String group) {
		try (AdminClient admin = clients.admin()) {
			ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
			return description.members().stream()
				.filter((member) -> !member.assignment().topicPartitions().isEmpty())
				.map(MemberDescription::consumerId)
				.collect(Collectors.toSet());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not describe group " + group, ex.getCause());
		}
	}

}
