#!/bin/sh
# Subscribes the app's blob trigger to the storage account's BlobCreated events in the uploads container, then
# applies the app roles of infra/app-roles.json to the Entra ID app registration (infra/hooks/app-roles.sh).
#
# Why a hook and not Bicep: the trigger (Source = EventGrid) is reached through the blobs extension
# webhook, whose URL carries the `blobs_extension` system key. The Functions host creates that key
# when the extension starts, that is once the app code is deployed and has run, so it cannot exist
# while main.bicep is provisioning. The system topic itself is created by main.bicep.
#
# azd runs this after `azd deploy` (azure.yaml, hooks.postdeploy) with the Bicep outputs in the
# environment. To run it by hand after `az deployment group create`, export the same names from the
# deployment's outputs (docs/deployment.md shows how). Needs the Azure CLI, logged in.
#
# Safe to re-run: `event-subscription create` updates the subscription if it exists (a new key, say).
set -eu

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP to the resource group of the deployment}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (output of main.bicep)}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?set EVENT_GRID_SYSTEM_TOPIC_NAME (output of main.bicep)}"
: "${DEAD_LETTER_CONTAINER_ID:?set DEAD_LETTER_CONTAINER_ID (output of main.bicep)}"
uploads_container="${UPLOADS_CONTAINER_NAME:-uploads}"
function_name="${BLOB_TRIGGER_FUNCTION_NAME:-ValidateUpload}"
subscription_name="${EVENT_SUBSCRIPTION_NAME:-uploads-blob-created}"

rg="$AZURE_RESOURCE_GROUP"
app="$AZURE_FUNCTION_APP_NAME"

host_name=$(az functionapp show --resource-group "$rg" --name "$app" --query defaultHostName --output tsv)

# Wake the app so the host starts and the blobs extension creates its key (Flex scales to zero).
echo "Waiting for the blobs_extension system key of $app..."
key=""
attempt=1
while [ "$attempt" -le 30 ]; do
  curl --silent --output /dev/null --max-time 30 "https://$host_name/" || true
  key=$(az functionapp keys list --resource-group "$rg" --name "$app" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  if [ -n "$key" ]; then
    break
  fi
  attempt=$((attempt + 1))
  sleep 10
done
if [ -z "$key" ]; then
  echo "The blobs_extension key did not appear within 5 minutes. Is the code deployed, and does it" >&2
  echo "contain a blob trigger with Source = BlobTriggerSource.EventGrid? Re-run this script when it does." >&2
  exit 1
fi

endpoint="https://$host_name/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key"

# Event Grid validates a new webhook with a handshake the extension answers; a cold instance can
# miss it, so try a few times.
echo "Subscribing $function_name to BlobCreated events under /$uploads_container/..."
attempt=1
until az eventgrid system-topic event-subscription create \
  --resource-group "$rg" \
  --system-topic-name "$EVENT_GRID_SYSTEM_TOPIC_NAME" \
  --name "$subscription_name" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --event-delivery-schema eventgridschema \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/$uploads_container/" \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --deadletter-identity systemassigned \
  --deadletter-identity-endpoint "$DEAD_LETTER_CONTAINER_ID" \
  --output none; do
  if [ "$attempt" -ge 3 ]; then
    echo "Could not create the event subscription $subscription_name." >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 20
done
echo "Event subscription $subscription_name is in place."

"$(dirname "$0")/app-roles.sh"
