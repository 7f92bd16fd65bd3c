#!/bin/sh
# Declares the app roles of infra/app-roles.json (Pipeline.Admin, and Submit.<id> and Preview.<id> for every dataset)
# on the Entra ID app registration people sign in through, and lets sign-in return to this app.
#
# Why a script and not Bicep: an app registration lives in Microsoft Entra ID, not in the resource group, and
# main.bicep cannot create or change one. postdeploy.sh runs this after every `azd deploy`; it can also be run alone,
# for example by an Entra administrator when the person who deploys may not change the registration. Needs the Azure
# CLI, logged in as an owner of the registration or as an Application Administrator.
#
# Safe to re-run. `--app-roles` replaces the registration's whole list with the file's: a role's id never changes
# (see docs/deployment.md), so the people and groups given a role keep it. Entra refuses to remove a role that is
# still enabled; to retire one, set its "isEnabled" to false in the file and deploy, then remove it.
set -eu

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP to the resource group of the deployment}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (output of main.bicep)}"
app_id="${ENTRA_SIGN_IN_CLIENT_ID:-}"
if [ -z "$app_id" ]; then
  echo "Entra ID sign-in is off (ENTRA_SIGN_IN_CLIENT_ID, an output of main.bicep, is empty): no app roles to apply."
  exit 0
fi

roles_file="$(cd "$(dirname "$0")/.." && pwd)/app-roles.json"

echo "Applying the app roles of $roles_file to the app registration $app_id..."
az ad app update --id "$app_id" --app-roles @"$roles_file"

# Sign-in returns to App Service Authentication's callback, which the registration must list; the callback gets an ID
# token (no client secret is configured). Other redirect URIs on the registration are kept.
host_name=$(az functionapp show --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query defaultHostName --output tsv)
callback="https://$host_name/.auth/login/aad/callback"
redirect_uris=$(az ad app show --id "$app_id" --query "web.redirectUris" --output tsv)
if printf '%s\n' "$redirect_uris" | grep -Fqx "$callback"; then
  az ad app update --id "$app_id" --enable-id-token-issuance true
else
  echo "Adding the sign-in callback $callback to the app registration..."
  # Word splitting is wanted: one argument per existing URI (a URI has no spaces).
  # shellcheck disable=SC2086
  az ad app update --id "$app_id" --enable-id-token-issuance true --web-redirect-uris $redirect_uris "$callback"
fi
echo "App roles and sign-in callback are in place on $app_id."
