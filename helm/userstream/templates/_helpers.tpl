{{/*
Expand the name of the chart.
*/}}
{{- define "userstream.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name (63 characters at most: some Kubernetes name fields are
limited to this by the DNS naming spec). A release name that contains the chart name is used as is.
*/}}
{{- define "userstream.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The name of one component's resources: <fullname>-producer, <fullname>-sink.
Call with (dict "ctx" $ "component" "producer").
*/}}
{{- define "userstream.componentName" -}}
{{- printf "%s-%s" (include "userstream.fullname" .ctx | trunc 54 | trimSuffix "-") .component }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "userstream.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels of one component. Call with (dict "ctx" $ "component" "producer").
*/}}
{{- define "userstream.labels" -}}
helm.sh/chart: {{ include "userstream.chart" .ctx }}
{{ include "userstream.selectorLabels" . }}
{{- if .ctx.Chart.AppVersion }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: userstream
{{- end }}

{{/*
Selector labels of one component. Call with (dict "ctx" $ "component" "producer").
*/}}
{{- define "userstream.selectorLabels" -}}
app.kubernetes.io/name: {{ include "userstream.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
The name of the service account to use.
*/}}
{{- define "userstream.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "userstream.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The Secret the pods read: the existing one, or the chart's.
*/}}
{{- define "userstream.secretName" -}}
{{- default (include "userstream.fullname" .) .Values.secret.existingSecret }}
{{- end }}

{{/*
The sink's profiles, checked and comma-separated: jpa and/or s3, at least one (a list, or a
comma-separated string).
*/}}
{{- define "userstream.sinkProfiles" -}}
{{- $profiles := .Values.sink.profiles | default list }}
{{- if kindIs "string" $profiles }}
{{- /* --set sink.profiles=jpa or "jpa,s3" */}}
{{- $profiles = splitList "," $profiles | compact }}
{{- end }}
{{- if not $profiles }}
{{- fail "sink.profiles must name at least one store: jpa, s3 or both" }}
{{- end }}
{{- range $profiles }}
{{- if not (has . (list "jpa" "s3")) }}
{{- fail (printf "sink.profiles: unknown profile %q (jpa or s3)" .) }}
{{- end }}
{{- end }}
{{- join "," $profiles }}
{{- end }}

{{/*
Environment variables read from the Secret, as a YAML list: one entry per secret a component needs.
Each line of $wanted is: env name, key in secret.keys, optional (the pod starts without it).
To add a secret: a key under secret.keys and secret.values, one line here, one in secret.yaml.
Call with (dict "ctx" $ "component" "producer").
*/}}
{{- define "userstream.secretEnv" -}}
{{- $ctx := .ctx }}
{{- $wanted := list (list "PIPELINE_ENCRYPTION_KEYS" "encryptionKeys" false) }}
{{- if eq .component "producer" }}
{{- $wanted = append $wanted (list "PRODUCER_INGEST_TOKENS" "ingestTokens" true) }}
{{- end }}
{{- if $ctx.Values.kafka.sasl.enabled }}
{{- $wanted = append $wanted (list "PIPELINE_KAFKA_SASL_USERNAME" "kafkaSaslUsername" false) }}
{{- $wanted = append $wanted (list "PIPELINE_KAFKA_SASL_PASSWORD" "kafkaSaslPassword" false) }}
{{- end }}
{{- if eq .component "sink" }}
{{- $profiles := splitList "," (include "userstream.sinkProfiles" $ctx) }}
{{- if has "jpa" $profiles }}
{{- $wanted = append $wanted (list "SPRING_DATASOURCE_PASSWORD" "dbPassword" false) }}
{{- end }}
{{- if has "s3" $profiles }}
{{- $wanted = append $wanted (list "SPRING_CLOUD_AWS_CREDENTIALS_ACCESSKEY" "awsAccessKeyId" true) }}
{{- $wanted = append $wanted (list "SPRING_CLOUD_AWS_CREDENTIALS_SECRETKEY" "awsSecretAccessKey" true) }}
{{- end }}
{{- end }}
{{- range $wanted }}
- name: {{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ include "userstream.secretName" $ctx }}
      key: {{ index $ctx.Values.secret.keys (index . 1) | required (printf "secret.keys.%s is required" (index . 1)) }}
      {{- if index . 2 }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}

{{/*
Health probes on the management port (Spring Boot actuator health groups). Liveness never checks
Kafka or a store, so an outage makes pods unready, not restarted.
*/}}
{{- define "userstream.probes" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  {{- toYaml .Values.probes.startup | nindent 2 }}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  {{- toYaml .Values.probes.liveness | nindent 2 }}
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: management
  {{- toYaml .Values.probes.readiness | nindent 2 }}
{{- end }}

{{/*
Kafka connection settings both components share (the SASL credentials come from the Secret).
*/}}
{{- define "userstream.kafkaConfig" -}}
SPRING_KAFKA_BOOTSTRAPSERVERS: {{ required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers | quote }}
{{- $protocol := .Values.kafka.securityProtocol | default "PLAINTEXT" | upper }}
{{- if not (has $protocol (list "PLAINTEXT" "SSL" "SASL_PLAINTEXT" "SASL_SSL")) }}
{{- fail (printf "kafka.securityProtocol: unknown protocol %q (PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL)" $protocol) }}
{{- end }}
{{- if and .Values.kafka.sasl.enabled (not (hasPrefix "SASL_" $protocol)) }}
{{- fail "kafka.sasl.enabled needs kafka.securityProtocol SASL_SSL (or SASL_PLAINTEXT)" }}
{{- end }}
SPRING_KAFKA_SECURITY_PROTOCOL: {{ $protocol | quote }}
{{- if .Values.kafka.sasl.enabled }}
PIPELINE_KAFKA_SASL_MECHANISM: {{ .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- with .Values.pipeline.topics.replicas }}
PIPELINE_TOPICS_REPLICAS: {{ . | quote }}
{{- end }}
{{- with .Values.pipeline.topics.minInsyncReplicas }}
PIPELINE_TOPICS_MININSYNCREPLICAS: {{ . | quote }}
{{- end }}
{{- end }}

{{/*
The producer's non-secret settings, as environment variables (the data of its ConfigMap).
*/}}
{{- define "userstream.producerConfig" -}}
{{ include "userstream.kafkaConfig" . }}
PIPELINE_TOPIC: {{ .Values.pipeline.topic | quote }}
PRODUCER_SOURCE: {{ .Values.producer.source | quote }}
PRODUCER_BATCHSIZE: {{ .Values.producer.batchSize | quote }}
PRODUCER_PAUSEINTERVAL: {{ .Values.producer.pauseInterval | quote }}
PRODUCER_INGEST_MAXREQUESTSIZE: {{ .Values.producer.ingest.maxRequestSize | quote }}
PRODUCER_INGEST_ACKTIMEOUT: {{ .Values.producer.ingest.ackTimeout | quote }}
{{- range $name, $value := .Values.producer.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end }}

{{/*
The sink's non-secret settings, as environment variables (the data of its ConfigMap).
*/}}
{{- define "userstream.sinkConfig" -}}
{{- $profiles := include "userstream.sinkProfiles" . }}
SPRING_PROFILES_ACTIVE: {{ $profiles | quote }}
{{ include "userstream.kafkaConfig" . }}
SPRING_KAFKA_CONSUMER_GROUPID: {{ .Values.sink.groupId | quote }}
PIPELINE_TOPIC: {{ .Values.pipeline.topic | quote }}
{{- if has "jpa" (splitList "," $profiles) }}
SPRING_DATASOURCE_URL: {{ required "sink.jpa.url is required with profile jpa" .Values.sink.jpa.url | quote }}
SPRING_DATASOURCE_USERNAME: {{ .Values.sink.jpa.username | quote }}
{{- end }}
{{- if has "s3" (splitList "," $profiles) }}
SINK_S3_BUCKET: {{ required "sink.s3.bucket is required with profile s3" .Values.sink.s3.bucket | quote }}
SINK_S3_LAYOUT: {{ .Values.sink.s3.layout | quote }}
SINK_S3_CREATEBUCKET: {{ .Values.sink.s3.createBucket | quote }}
SPRING_CLOUD_AWS_REGION_STATIC: {{ .Values.sink.s3.region | quote }}
SPRING_CLOUD_AWS_S3_PATHSTYLEACCESSENABLED: {{ .Values.sink.s3.pathStyleAccess | quote }}
{{- with .Values.sink.s3.endpoint }}
SPRING_CLOUD_AWS_S3_ENDPOINT: {{ . | quote }}
{{- end }}
{{- end }}
{{- range $name, $value := .Values.sink.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end }}

{{/*
A component's Deployment. Call with (dict "ctx" $ "component" "producer" "values" .Values.producer
"httpPort" 8080 "managementPort" 8081 "config" "userstream.producerConfig"); the ports are the
service's own defaults (server.port, management.server.port in its application.yaml).
*/}}
{{- define "userstream.deployment" -}}
{{- $ctx := .ctx }}
{{- $values := .values }}
{{- $name := include "userstream.componentName" . }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "userstream.labels" . | nindent 4 }}
spec:
  {{- if not (and (eq .component "sink") (or $values.autoscaling.enabled $values.keda.enabled)) }}
  {{- /* with an HPA or KEDA, the autoscaler owns the replica count */}}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "userstream.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      annotations:
        checksum/config: {{ include .config $ctx | sha256sum }}
        {{- if not $ctx.Values.secret.existingSecret }}
        checksum/secret: {{ include (print $ctx.Template.BasePath "/secret.yaml") $ctx | sha256sum }}
        {{- end }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "userstream.labels" . | nindent 8 }}
    spec:
      {{- with $ctx.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "userstream.serviceAccountName" $ctx }}
      automountServiceAccountToken: {{ $ctx.Values.serviceAccount.automount }}
      securityContext:
        {{- toYaml $ctx.Values.podSecurityContext | nindent 8 }}
      # preStop pause + graceful shutdown (the sink finishes or abandons its batch on SIGTERM,
      # spring.lifecycle.timeout-per-shutdown-phase 30 s) must fit in it
      terminationGracePeriodSeconds: {{ $ctx.Values.terminationGracePeriodSeconds }}
      containers:
        - name: {{ .component }}
          image: "{{ $values.image.repository }}:{{ $values.image.tag | default $ctx.Chart.AppVersion }}"
          imagePullPolicy: {{ $values.image.pullPolicy }}
          securityContext:
            {{- toYaml $ctx.Values.securityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .httpPort }}
              protocol: TCP
            - name: management
              containerPort: {{ .managementPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $name }}
          env:
            {{- include "userstream.secretEnv" . | nindent 12 }}
            {{- with $ctx.Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- include "userstream.probes" $ctx | nindent 10 }}
          {{- if gt (int $ctx.Values.preStopSleepSeconds) 0 }}
          lifecycle:
            # keep serving while the endpoints controller and kube-proxy drop the pod, then SIGTERM
            preStop:
              exec:
                command: ["sleep", "{{ $ctx.Values.preStopSleepSeconds }}"]
          {{- end }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with $ctx.Values.extraVolumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        # the root filesystem is read-only; Tomcat and the JVM need a writable /tmp
        - name: tmp
          emptyDir: {}
        {{- with $ctx.Values.extraVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{/*
A component's Service (the management port serves health and /actuator/prometheus).
Call like userstream.deployment.
*/}}
{{- define "userstream.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "userstream.componentName" . }}
  labels:
    {{- include "userstream.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  ports:
    - name: http
      port: {{ .httpPort }}
      targetPort: http
      protocol: TCP
    - name: management
      port: {{ .managementPort }}
      targetPort: management
      protocol: TCP
  selector:
    {{- include "userstream.selectorLabels" . | nindent 4 }}
{{- end }}
