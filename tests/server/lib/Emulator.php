<?php
// The WP LLM service emulator: routing, authentication, rate limits, the endpoints, and test-mode recording and faults.
declare(strict_types=1);

namespace WpllmEmulator;

final class Emulator
{
    public const VERSION = 'emulator-1.0.0';

    /** method, path pattern, handler, permission (null: no authentication) */
    private const ROUTES = [
        ['GET', '#^/v1/health$#', 'health', null],
        ['POST', '#^/v1/auth/validate$#', 'validate', 'read'],
        ['GET', '#^/v1/models$#', 'models', 'read'],
        ['GET', '#^/v1/models/([^/]+)$#', 'model', 'read'],
        ['POST', '#^/v1/generate$#', 'generate', 'generate'],
        ['POST', '#^/v1/generate/stream$#', 'generateStream', 'generate'],
        ['POST', '#^/v1/analyze$#', 'analyze', 'analyze'],
        ['GET', '#^/v1/keys/current$#', 'currentKey', 'read'],
        ['POST', '#^/v1/keys$#', 'createKey', 'keys'],
    ];

    /** What the emulator uses beyond core PHP: the server must run with the php.ini that loads them, not php -n. */
    private const REQUIRED_EXTENSIONS = ['mbstring', 'openssl', 'pdo_sqlite', 'sockets', 'tokenizer'];

    private const DEFAULT_PACE_MS = 20;
    private const MAX_KEY_LIFETIME = 365 * 86400;

    private ?Store $store = null;
    /** @var array<string, string> headers for whatever response goes out (rate limits, fault retry hints) */
    private array $headers = [];
    private int $trickleMs = 0;
    /** The request's stream_* faults, for POST /v1/generate/stream (test mode) */
    private ?StreamFault $streamFault = null;

    public function __construct(
        private readonly Config $config,
        private readonly string $stateDir,
        private readonly bool $testMode,
    ) {
    }

    public function handle(Request $request): void
    {
        $requestId = 'req_' . bin2hex(random_bytes(12));
        try {
            $response = $this->dispatch($request, $requestId);
        } catch (ApiError $error) {
            $response = $error->toResponse($requestId);
        } catch (\Throwable $e) {
            error_log('wpllm emulator: ' . $e);
            $response = (new ApiError(500, 'server_error', 'internal_error', 'The emulator failed to handle the request.'))
                ->toResponse($requestId);
        }
        foreach ($this->headers + ['X-Request-Id' => $requestId] as $name => $value) {
            $response->header($name, $value);
        }
        $response->send($this->trickleMs);
    }

    private function dispatch(Request $request, string $requestId): Response
    {
        $missing = array_diff(self::REQUIRED_EXTENSIONS, get_loaded_extensions());
        if ($missing !== []) {
            error_log('wpllm emulator: missing PHP extensions: ' . implode(', ', $missing));
            throw new ApiError(500, 'server_error', 'internal_error', 'The emulator needs these PHP extensions: ' . implode(', ', $missing) . '.');
        }
        if ($this->testMode) {
            if (str_starts_with($request->path, '/__emulator/')) {
                return $this->control($request);
            }
            $faulted = $this->injectFault($request, $requestId);
            if ($faulted !== null) {
                return $faulted;
            }
        }

        $allowed = [];
        foreach (self::ROUTES as [$method, $pattern, $handler, $permission]) {
            if (preg_match($pattern, $request->path, $params) !== 1) {
                continue;
            }
            if ($method !== $request->method) {
                $allowed[] = $method;
                continue;
            }
            $key = null;
            if ($permission !== null) {
                $now = time();
                $auth = new Auth($this->config, $this->store());
                $key = $auth->authenticate($request, $now);
                $this->headers = $auth->rateLimit($key, $now) + $this->headers;
                Auth::requirePermission($key, $permission);
            }

            return $this->{$handler}($request, array_slice($params, 1), $key);
        }
        if ($allowed !== []) {
            throw new ApiError(405, 'invalid_request_error', 'method_not_allowed',
                'This method is not allowed on this path.', ['allowed' => $allowed], ['Allow' => implode(', ', $allowed)]);
        }
        throw new ApiError(404, 'not_found_error', 'not_found', 'No such endpoint.');
    }

    /** Records the request, then applies its X-Emulator-Fault, if any; returns the response that replaces the normal one. */
    private function injectFault(Request $request, string $requestId): ?Response
    {
        $header = $request->header(Fault::HEADER);
        try {
            $fault = $header === null ? null : Fault::parse($header);
        } finally {
            $this->store()->record($request, isset($fault) ? $fault->id() : null);
        }
        if ($fault === null || ($fault->id() !== null && !$fault->appliesTo($this->store()->countFault($fault->id())))) {
            return null;
        }
        if ($fault->stallSeconds() > 0) {
            usleep((int) round($fault->stallSeconds() * 1e6));
        }
        $this->headers = $fault->headers();
        $this->trickleMs = $fault->trickleMs();
        $this->streamFault = $fault->streamFault($requestId, static function () use ($request): void {
            Connection::drop($request);
        });
        if ($fault->drop() === 'before_headers') {
            Connection::drop($request);
        }
        if ($fault->drop() === 'mid_body') {
            $this->sendHalf($requestId);
            Connection::drop($request);
        }

        return $fault->response($requestId);
    }

    /** Sends 200 headers promising a whole completion, then only the first half of it. */
    private function sendHalf(string $requestId): void
    {
        $body = Response::encode([
            'id' => Generation::newId('gen_'),
            'object' => 'text_completion',
            'created' => time(),
            'model' => $this->config->defaultModel(),
            'choices' => [['index' => 0, 'text' => Templates::generate('a small plugin'), 'finish_reason' => 'stop']],
        ]);
        $response = Response::stream(200, 'application/json', [substr($body, 0, intdiv(strlen($body), 2))])
            ->header('Content-Length', (string) strlen($body))
            ->header('X-Request-Id', $requestId);
        foreach ($this->headers as $name => $value) {
            $response->header($name, $value);
        }
        $response->send($this->trickleMs);
    }

    private function control(Request $request): Response
    {
        if ($request->path === '/__emulator/requests' && $request->method === 'GET') {
            // ?id=<fault id>: that fault's requests; no id: every request recorded
            $id = $request->queryParams()['id'] ?? null;
            if ($id !== null && (!is_string($id) || $id === '')) {
                throw ApiError::invalidParameter('id', 'id must be a non-empty fault id.');
            }

            return Response::json(200, $this->store()->recorded($id));
        }
        if ($request->path === '/__emulator/reset' && $request->method === 'POST') {
            $this->store()->reset();

            return Response::json(200, ['reset' => true]);
        }
        throw new ApiError(404, 'not_found_error', 'not_found', 'No such emulator control endpoint.');
    }

    private function health(): Response
    {
        return Response::json(200, ['status' => 'ok', 'version' => self::VERSION, 'timestamp' => time()]);
    }

    /** @param array<string, mixed> $key */
    private function validate(Request $request, array $params, array $key): Response
    {
        if (($key['auth'] ?? null) === 'jwt') {
            return Response::json(200, [
                'valid' => true,
                'auth' => 'jwt',
                'user_id' => $key['user_id'],
                'permissions' => $key['permissions'],
                'expires_at' => $key['exp'],
            ]);
        }

        return Response::json(200, [
            'valid' => true,
            'auth' => 'api_key',
            'key_id' => $key['id'],
            'permissions' => $key['permissions'],
            'expires_at' => $key['expires_at'],
        ]);
    }

    private function models(): Response
    {
        return Response::json(200, ['object' => 'list', 'data' => $this->config->models()]);
    }

    /** @param list<string> $params */
    private function model(Request $request, array $params): Response
    {
        return Response::json(200, $this->config->model(rawurldecode($params[0])) ?? throw ApiError::modelNotFound());
    }

    private function generate(Request $request): Response
    {
        $generation = new Generation($this->config);

        return $generation->response($generation->parse($request->jsonObject()));
    }

    private function generateStream(Request $request): Response
    {
        $body = $request->jsonObject();
        $generation = new Generation($this->config);
        $params = $generation->parse($body);
        $format = $body['stream_format'] ?? 'ndjson';
        if (!in_array($format, ['ndjson', 'sse'], true)) {
            throw ApiError::invalidParameter('stream_format', 'stream_format must be "ndjson" or "sse".');
        }
        $sse = $format === 'sse' || str_contains(strtolower((string) $request->header('accept')), 'text/event-stream');
        $pace = $request->header('x-emulator-pace-ms');
        $paceMs = $this->testMode && $pace !== null && ctype_digit($pace) ? min(10000, (int) $pace) : self::DEFAULT_PACE_MS;

        return $generation->stream($params, $sse, $paceMs, $this->streamFault);
    }

    private function analyze(Request $request): Response
    {
        $body = $request->jsonObject();
        $code = $body['code'] ?? null;
        if (!is_string($code) || trim($code) === '') {
            throw ApiError::invalidParameter('code', 'code is required and must be a non-empty string.');
        }
        $type = $body['analysis_type'] ?? 'all';
        if (!in_array($type, Analyzer::ANALYSIS_TYPES, true)) {
            throw ApiError::invalidParameter('analysis_type', 'analysis_type must be one of: ' . implode(', ', Analyzer::ANALYSIS_TYPES) . '.');
        }
        $modelId = $body['model'] ?? $this->config->defaultModel();
        $model = (is_string($modelId) ? $this->config->model($modelId) : null) ?? throw ApiError::modelNotFound();
        $promptTokens = Generation::tokens($code);
        if ($promptTokens > $model['context_length']) {
            throw new ApiError(400, 'invalid_request_error', 'context_length_exceeded', 'The code is longer than the model\'s context window.',
                ['param' => 'code', 'prompt_tokens' => $promptTokens, 'context_length' => $model['context_length']]);
        }
        $result = Analyzer::analyze($code, $type);
        $completionTokens = Generation::tokens(Response::encode($result['issues']) . $result['summary']);

        return Response::json(200, [
            'id' => Generation::newId('ana_'),
            'object' => 'analysis',
            'model' => $modelId,
            'analysis_type' => $type,
            'issues' => $result['issues'],
            'score' => $result['score'],
            'summary' => $result['summary'],
            'usage' => [
                'prompt_tokens' => $promptTokens,
                'completion_tokens' => $completionTokens,
                'total_tokens' => $promptTokens + $completionTokens,
            ],
        ]);
    }

    /** @param array<string, mixed> $key */
    private function currentKey(Request $request, array $params, array $key): Response
    {
        return Response::json(200, [
            'id' => $key['id'],
            'prefix' => $key['prefix'],
            'permissions' => $key['permissions'],
            'created_at' => $key['created_at'],
            'expires_at' => $key['expires_at'],
        ]);
    }

    /**
     * Issues a key with a subset of the caller's permissions that expires no later than the caller's key.
     *
     * @param array<string, mixed> $key
     */
    private function createKey(Request $request, array $params, array $key): Response
    {
        $body = $request->jsonObject();
        $permissions = $body['permissions'] ?? null;
        if (!is_array($permissions) || $permissions === [] || !array_is_list($permissions)
            || array_diff($permissions, Auth::PERMISSIONS) !== [] || count(array_unique($permissions)) !== count($permissions)) {
            throw ApiError::invalidParameter('permissions', 'permissions must be a non-empty list of distinct values from: ' . implode(', ', Auth::PERMISSIONS) . '.');
        }
        foreach ($permissions as $permission) {
            Auth::requirePermission($key, $permission);
        }
        $now = time();
        $lifetime = self::lifetime($body['expires_in'] ?? null);
        $expiresAt = $lifetime === null ? $key['expires_at'] : min($now + $lifetime, $key['expires_at'] ?? PHP_INT_MAX);
        $secret = 'wpllm_sk_' . bin2hex(random_bytes(20));
        $issued = [
            'id' => Generation::newId('key_'),
            'key_sha256' => hash('sha256', $secret),
            'prefix' => substr($secret, 0, 12),
            'permissions' => $permissions,
            'rate_limit' => $key['rate_limit'],
            'created_at' => $now,
            'expires_at' => $expiresAt,
        ];
        $this->store()->addKey($issued);

        return Response::json(200, ['id' => $issued['id'], 'key' => $secret, 'permissions' => $permissions, 'expires_at' => $expiresAt]);
    }

    /** Seconds from an expires_in of seconds (int) or a duration such as "30m", "1h", "7d"; null when absent. */
    private static function lifetime(mixed $expiresIn): ?int
    {
        if ($expiresIn === null) {
            return null;
        }
        $seconds = match (true) {
            is_int($expiresIn) => $expiresIn,
            is_string($expiresIn) && preg_match('/^(\d{1,6})([smhd])$/', $expiresIn, $m) === 1
                => (int) $m[1] * ['s' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400][$m[2]],
            default => 0,
        };
        if ($seconds < 1 || $seconds > self::MAX_KEY_LIFETIME) {
            throw ApiError::invalidParameter('expires_in', 'expires_in must be seconds or a duration like "30m", "1h", "7d", at most 365 days.');
        }

        return $seconds;
    }

    private function store(): Store
    {
        return $this->store ??= Store::open($this->stateDir);
    }
}
