<?php
// The emulator's shared state in SQLite (WAL), so that all php -S workers agree: rate windows, fault counters, recorded requests, issued keys, seen request signatures.
declare(strict_types=1);

namespace WpllmEmulator;

use PDO;

final class Store
{
    private const SCHEMA_VERSION = 2;

    private const SCHEMA = [
        'CREATE TABLE IF NOT EXISTS rate_windows (key_id TEXT PRIMARY KEY, window_start INTEGER NOT NULL, count INTEGER NOT NULL)',
        'CREATE TABLE IF NOT EXISTS fault_counters (id TEXT PRIMARY KEY, count INTEGER NOT NULL)',
        'CREATE TABLE IF NOT EXISTS requests (seq INTEGER PRIMARY KEY AUTOINCREMENT, fault_id TEXT, method TEXT NOT NULL,'
            . ' path TEXT NOT NULL, query TEXT NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL, time_ms INTEGER NOT NULL)',
        'CREATE INDEX IF NOT EXISTS requests_by_fault ON requests (fault_id, seq)',
        'CREATE TABLE IF NOT EXISTS issued_keys (id TEXT PRIMARY KEY, record TEXT NOT NULL)',
        'CREATE TABLE IF NOT EXISTS seen_signatures (key_id TEXT NOT NULL, signature TEXT NOT NULL, expires_at INTEGER NOT NULL,'
            . ' PRIMARY KEY (key_id, signature))',
    ];

    private function __construct(private readonly PDO $db)
    {
    }

    public static function open(string $dir): self
    {
        if (!is_dir($dir) && !mkdir($dir, 0700, true) && !is_dir($dir)) {
            throw new \RuntimeException('cannot create the emulator state directory ' . $dir);
        }
        $db = new PDO('sqlite:' . $dir . '/emulator.sqlite', null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
            PDO::ATTR_TIMEOUT => 10,
        ]);
        $db->exec('PRAGMA busy_timeout = 10000');
        if ($db->query('PRAGMA journal_mode')->fetchColumn() !== 'wal') {
            $db->exec('PRAGMA journal_mode = WAL');
        }
        $db->exec('PRAGMA synchronous = NORMAL');
        if ((int) $db->query('PRAGMA user_version')->fetchColumn() !== self::SCHEMA_VERSION) {
            $db->exec('BEGIN IMMEDIATE');
            foreach (self::SCHEMA as $statement) {
                $db->exec($statement);
            }
            $db->exec('PRAGMA user_version = ' . self::SCHEMA_VERSION);
            $db->exec('COMMIT');
        }

        return new self($db);
    }

    /**
     * Counts one request in the key's fixed window, which starts at the key's first request and lasts $window seconds.
     *
     * @return array{count: int, reset: int}
     */
    public function countRequest(string $keyId, int $window, int $now): array
    {
        $row = $this->fetch(
            'INSERT INTO rate_windows (key_id, window_start, count) VALUES (:key, :now, 1)
             ON CONFLICT (key_id) DO UPDATE SET
                count = CASE WHEN window_start + :window <= :now THEN 1 ELSE count + 1 END,
                window_start = CASE WHEN window_start + :window <= :now THEN :now ELSE window_start END
             RETURNING window_start, count',
            ['key' => $keyId, 'now' => $now, 'window' => $window],
        );

        return ['count' => (int) $row['count'], 'reset' => (int) $row['window_start'] + $window];
    }

    /** Increments the named fault counter and returns the new value (1 for the first request). */
    public function countFault(string $id): int
    {
        $row = $this->fetch(
            'INSERT INTO fault_counters (id, count) VALUES (:id, 1)
             ON CONFLICT (id) DO UPDATE SET count = count + 1 RETURNING count',
            ['id' => $id],
        );

        return (int) $row['count'];
    }

    public function record(Request $request, ?string $faultId): void
    {
        $statement = $this->db->prepare(
            'INSERT INTO requests (fault_id, method, path, query, headers, body, time_ms)
             VALUES (:fault_id, :method, :path, :query, :headers, :body, :time_ms)'
        );
        $statement->bindValue('fault_id', $faultId);
        $statement->bindValue('method', $request->method);
        $statement->bindValue('path', $request->path);
        $statement->bindValue('query', $request->query);
        $statement->bindValue('headers', json_encode($request->headers, JSON_INVALID_UTF8_SUBSTITUTE | JSON_THROW_ON_ERROR));
        $statement->bindValue('body', $request->body, PDO::PARAM_LOB);
        $statement->bindValue('time_ms', (int) floor($request->receivedAt * 1000));
        $statement->execute();
    }

    /** @return list<array<string, mixed>> the requests recorded under a fault id, oldest first */
    public function recorded(?string $faultId): array
    {
        if ($faultId === null) {
            $statement = $this->db->prepare('SELECT method, path, query, headers, body, time_ms FROM requests ORDER BY seq');
            $statement->execute();
        } else {
            $statement = $this->db->prepare(
                'SELECT method, path, query, headers, body, time_ms FROM requests WHERE fault_id = :id ORDER BY seq'
            );
            $statement->execute(['id' => $faultId]);
        }
        $requests = [];
        foreach ($statement->fetchAll() as $row) {
            $row['headers'] = json_decode($row['headers'], true, 4, JSON_THROW_ON_ERROR);
            $row['body'] = is_resource($row['body']) ? stream_get_contents($row['body']) : (string) $row['body'];
            $row['time_ms'] = (int) $row['time_ms'];
            $requests[] = $row;
        }

        return $requests;
    }

    /** @param array<string, mixed> $key a key record in config.json's shape */
    public function addKey(array $key): void
    {
        $statement = $this->db->prepare('INSERT INTO issued_keys (id, record) VALUES (:id, :record)');
        $statement->execute(['id' => $key['id'], 'record' => json_encode($key, JSON_THROW_ON_ERROR)]);
    }

    /** @return list<array<string, mixed>> keys issued through POST /v1/keys */
    public function issuedKeys(): array
    {
        $records = $this->db->query('SELECT record FROM issued_keys ORDER BY id')->fetchAll(PDO::FETCH_COLUMN);

        return array_map(static fn (string $record): array => json_decode($record, true, 8, JSON_THROW_ON_ERROR), $records);
    }

    /**
     * Remembers a verified request signature for the key until $expiresAt (epoch seconds); false when it was already
     * remembered (a replay). Forgets the expired ones on the way.
     */
    public function rememberSignature(string $keyId, string $signature, int $expiresAt, int $now): bool
    {
        $purge = $this->db->prepare('DELETE FROM seen_signatures WHERE expires_at < :now');
        $purge->bindValue('now', $now, PDO::PARAM_INT);
        $purge->execute();
        $insert = $this->db->prepare(
            'INSERT INTO seen_signatures (key_id, signature, expires_at) VALUES (:key, :signature, :expires_at)
             ON CONFLICT (key_id, signature) DO NOTHING'
        );
        $insert->bindValue('key', $keyId);
        $insert->bindValue('signature', $signature);
        $insert->bindValue('expires_at', $expiresAt, PDO::PARAM_INT);
        $insert->execute();

        return $insert->rowCount() === 1;
    }

    public function reset(): void
    {
        $this->db->exec('BEGIN IMMEDIATE');
        foreach (['rate_windows', 'fault_counters', 'requests', 'issued_keys', 'seen_signatures'] as $table) {
            $this->db->exec('DELETE FROM ' . $table);
        }
        $this->db->exec('COMMIT');
    }

    /**
     * @param array<string, int|string> $params
     * @return array<string, mixed>
     */
    private function fetch(string $sql, array $params): array
    {
        $statement = $this->db->prepare($sql);
        foreach ($params as $name => $value) {
            // Typed, so that SQLite compares numbers with numbers (an untyped parameter is TEXT, greater than any number).
            $statement->bindValue($name, $value, is_int($value) ? PDO::PARAM_INT : PDO::PARAM_STR);
        }
        $statement->execute();
        $row = $statement->fetch();
        $statement->closeCursor();

        return $row;
    }
}
