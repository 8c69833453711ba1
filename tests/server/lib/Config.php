<?php
// The emulator's static configuration (config.json): API keys by sha256 hash, JWT verification keys, and models.
declare(strict_types=1);

namespace WpllmEmulator;

final class Config
{
    /**
     * @param list<array<string, mixed>> $keys
     * @param list<array<string, mixed>> $models
     * @param array<string, mixed>|null $jwt
     */
    private function __construct(
        private readonly array $keys,
        private readonly array $models,
        private readonly int $modelCreated,
        private readonly ?array $jwt,
    ) {
    }

    public static function load(string $file): self
    {
        $data = json_decode((string) file_get_contents($file), true, 16, JSON_THROW_ON_ERROR);
        $jwt = $data['jwt'] ?? null;
        if (is_array($jwt)) {
            // public key paths are relative to config.json
            foreach ($jwt['public_keys'] ?? [] as $name => $path) {
                $jwt['public_keys'][$name] = str_starts_with($path, '/') ? $path : dirname($file) . '/' . $path;
            }
        }

        return new self($data['keys'], $data['models'], (int) $data['model_created'], $jwt);
    }

    /**
     * The JWT section: secret (HS*), public_keys (rsa, ec256, ec384: absolute paths of SPKI PEM files), issuer,
     * leeway_seconds, rate_limit; null when JWTs are not configured.
     *
     * @return array<string, mixed>|null
     */
    public function jwt(): ?array
    {
        return $this->jwt;
    }

    /**
     * The configured key whose hash matches the presented key (every entry is compared, in constant time each).
     *
     * @return array<string, mixed>|null
     */
    public function findKey(string $keyHash): ?array
    {
        $found = null;
        foreach ($this->keys as $key) {
            if (hash_equals($key['key_sha256'], $keyHash)) {
                $found = $key;
            }
        }

        return $found;
    }

    /** @return list<array<string, mixed>> the public model objects */
    public function models(): array
    {
        return array_map(fn (array $model): array => $this->publicModel($model), $this->models);
    }

    /** @return array<string, mixed>|null */
    public function model(string $id): ?array
    {
        foreach ($this->models as $model) {
            if ($model['id'] === $id) {
                return $this->publicModel($model);
            }
        }

        return null;
    }

    public function defaultModel(): string
    {
        foreach ($this->models as $model) {
            if (!empty($model['default'])) {
                return $model['id'];
            }
        }

        return $this->models[0]['id'];
    }

    /**
     * @param array<string, mixed> $model
     * @return array<string, mixed>
     */
    private function publicModel(array $model): array
    {
        return [
            'id' => $model['id'],
            'object' => 'model',
            'created' => $this->modelCreated,
            'owned_by' => 'wp-llm',
            'context_length' => $model['context_length'],
        ];
    }
}
