{{/* The release's base name, at most 63 characters (a DNS label). */}}
{{- define "labforge.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "labforge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "labforge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "labforge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "labforge.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "labforge.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* LabForge's one image: the service's and, with another entry point, the node agent's. */}}
{{- define "labforge.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "labforge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "labforge.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* True (non-empty) when no external database is configured: LabForge then runs its embedded one. */}}
{{- define "labforge.embeddedDatabase" -}}
{{- if and (not .Values.database.existingSecret) (not .Values.database.url) -}}true{{- end -}}
{{- end -}}

{{- define "labforge.databaseSecretName" -}}
{{- default (printf "%s-database" (include "labforge.fullname" .)) .Values.database.existingSecret -}}
{{- end -}}

{{- define "labforge.adminTokenSecretName" -}}
{{- default (printf "%s-admin-token" (include "labforge.fullname" .)) .Values.adminToken.existingSecret -}}
{{- end -}}
