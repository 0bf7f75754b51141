#!/bin/sh
# Renders the base and every overlay into daemonset/rendered/ with `kubectl kustomize` (kubectl >= 1.27).
# The tests check the committed renders; where kubectl is installed they also fail when a render is stale.
set -eu
cd "$(dirname "$0")"
kubectl kustomize . > rendered/base.yaml
for dir in overlays/*/; do
  [ -f "$dir/kustomization.yaml" ] || continue
  kubectl kustomize "$dir" > "rendered/$(basename "$dir").yaml"
done
