<?php
// POST /v1/analyze: deterministic WordPress code review over PHP tokens (security, performance, standards).
declare(strict_types=1);

namespace WpllmEmulator;

final class Analyzer
{
    public const ANALYSIS_TYPES = ['security', 'performance', 'standards', 'all'];

    /** type => [category, severity, message] */
    private const RULES = [
        'unsanitized_input' => ['security', 'high', 'Request data (%s) is used without sanitizing it first (sanitize_text_field(), absint(), wp_unslash() ...).'],
        'sql_injection' => ['security', 'high', 'The SQL passed to $wpdb->%s() is built from variables; put placeholders (%%d, %%s) in it and pass the values to $wpdb->prepare().'],
        'xss' => ['security', 'high', 'A variable is output without escaping (esc_html(), esc_attr(), esc_url(), wp_kses() ...).'],
        'missing_nonce' => ['security', 'medium', 'Form data (%s) is processed without a nonce check (check_admin_referer() or wp_verify_nonce()).'],
        'eval' => ['security', 'high', '%s runs code built from strings; avoid it.'],
        'query_posts' => ['performance', 'medium', 'query_posts() replaces the main query and runs it twice; use WP_Query or the pre_get_posts filter.'],
        'unbounded_query' => ['performance', 'medium', 'A query asks for every post (%s = -1); set a limit.'],
        'direct_file_access' => ['standards', 'low', 'The plugin file does not stop direct access; add defined( \'ABSPATH\' ) || exit;.'],
        'extract' => ['standards', 'medium', 'extract() creates variables from data and hides where they come from; access the array instead.'],
        'deprecated_function' => ['standards', 'high', '%s() was removed from PHP; use $wpdb or mysqli.'],
        'trailing_closing_tag' => ['standards', 'low', 'The file ends with a closing ?> tag, which risks sending stray whitespace.'],
    ];

    private const SEVERITY_WEIGHT = ['high' => 20, 'medium' => 10, 'low' => 3];

    private const INPUTS = ['$_GET', '$_POST', '$_REQUEST', '$_COOKIE'];
    private const FORM_INPUTS = ['$_POST', '$_REQUEST'];
    private const NONCE_CHECKS = ['check_admin_referer', 'check_ajax_referer', 'wp_verify_nonce'];

    /** Calls whose argument is validated or sanitized, besides the sanitize_*, esc_* and wp_kses* families. */
    private const INPUT_SAFE = ['absint', 'intval', 'floatval', 'boolval', 'wp_unslash', 'isset', 'empty', 'wp_verify_nonce',
        'array_key_exists', 'in_array', 'is_numeric', 'count', 'filter_var', 'wp_validate_redirect'];
    /** Calls whose result is safe to print, besides the esc_* and wp_kses* families. */
    private const OUTPUT_SAFE = ['absint', 'intval', 'floatval', 'count', 'number_format', 'number_format_i18n'];
    private const SQL_SAFE = ['esc_sql', 'absint', 'intval', 'floatval', 'prepare'];
    private const QUERY_METHODS = ['query', 'get_results', 'get_row', 'get_var', 'get_col', 'prepare'];
    private const CASTS = [T_INT_CAST, T_DOUBLE_CAST, T_BOOL_CAST];
    private const NOT_A_CALL_AFTER = [T_FUNCTION, T_OBJECT_OPERATOR, T_NULLSAFE_OBJECT_OPERATOR, T_DOUBLE_COLON, T_NEW, T_CONST];

    /** @var list<array{id: int|string, text: string, line: int}> tokens without whitespace and comments */
    private array $tokens = [];
    /** @var list<list<?string>> for each token, the calls it is nested in, outermost first */
    private array $frames = [];
    /** @var list<array{id: int|string, text: string, line: int}> comments and doc comments */
    private array $comments = [];
    private bool $endsWithCloseTag = false;
    /** @var array<string, array{severity: string, type: string, message: string, line: int}> */
    private array $issues = [];

    /**
     * @return array{issues: list<array{severity: string, type: string, message: string, line: int}>, score: int, summary: string}
     */
    public static function analyze(string $code, string $analysisType): array
    {
        $analyzer = new self($code);
        $analyzer->checkInput();
        $analyzer->checkOutput();
        $analyzer->checkSql();
        $analyzer->checkCalls();
        $analyzer->checkUnboundedQueries();
        $analyzer->checkFile();

        $issues = array_values(array_filter(
            $analyzer->issues,
            static fn (array $issue): bool => $analysisType === 'all' || self::RULES[$issue['type']][0] === $analysisType,
        ));
        usort($issues, static fn (array $a, array $b): int => [$a['line'], self::SEVERITY_WEIGHT[$b['severity']], $a['type']]
            <=> [$b['line'], self::SEVERITY_WEIGHT[$a['severity']], $b['type']]);

        $counts = ['high' => 0, 'medium' => 0, 'low' => 0];
        foreach ($issues as $issue) {
            $counts[$issue['severity']]++;
        }
        $penalty = 0;
        foreach ($counts as $severity => $count) {
            $penalty += $count * self::SEVERITY_WEIGHT[$severity];
        }
        $summary = $issues === []
            ? sprintf('No issues found in the %s analysis.', $analysisType)
            : sprintf('Found %d issue%s in the %s analysis: %d high, %d medium, %d low.',
                count($issues), count($issues) === 1 ? '' : 's', $analysisType, $counts['high'], $counts['medium'], $counts['low']);

        return ['issues' => $issues, 'score' => max(0, 100 - $penalty), 'summary' => $summary];
    }

    private function __construct(string $code)
    {
        // Code without an opening tag is taken as PHP; the tag goes on line 1 so line numbers stay the same.
        if (preg_match('/<\?(?:php|=)/i', $code) !== 1) {
            $code = '<?php ' . $code;
        }
        $line = 1;
        $stack = [];
        foreach (token_get_all($code) as $raw) {
            $token = is_array($raw)
                ? ['id' => $raw[0], 'text' => $raw[1], 'line' => $raw[2]]
                : ['id' => $raw, 'text' => $raw, 'line' => $line];
            $line = $token['line'] + substr_count($token['text'], "\n");
            if ($token['id'] === T_COMMENT || $token['id'] === T_DOC_COMMENT) {
                $this->comments[] = $token;
                continue;
            }
            if ($token['id'] === T_WHITESPACE || ($token['id'] === T_INLINE_HTML && trim($token['text']) === '')) {
                continue;
            }
            $this->frames[] = $stack;
            $this->tokens[] = $token;
            if ($token['id'] === '(') {
                $stack[] = $this->callee(count($this->tokens) - 1);
            } elseif ($token['id'] === ')') {
                array_pop($stack);
            }
        }
        $final = end($this->tokens);
        $this->endsWithCloseTag = $final !== false && $final['id'] === T_CLOSE_TAG;
    }

    /** Superglobals read without sanitizing, and form data handled without a nonce. */
    private function checkInput(): void
    {
        $firstFormUse = null;
        foreach ($this->tokens as $i => $token) {
            if ($token['id'] !== T_VARIABLE || !in_array($token['text'], self::INPUTS, true)) {
                continue;
            }
            if ($firstFormUse === null && in_array($token['text'], self::FORM_INPUTS, true)) {
                $firstFormUse = $token;
            }
            if ($this->inside($i, 0, self::INPUT_SAFE, ['sanitize_', 'esc_', 'wp_kses']) || $this->isCast($i - 1)
                || $this->isStrictComparison($i - 1) || $this->isStrictComparison($this->afterSubscripts($i) + 1)) {
                continue;
            }
            $this->add('unsanitized_input', $token['line'], $token['text']);
        }
        if ($firstFormUse !== null && !$this->callsAny(self::NONCE_CHECKS)) {
            $this->add('missing_nonce', $firstFormUse['line'], $firstFormUse['text']);
        }
    }

    /** echo, print and <?= of a variable that is not escaped. */
    private function checkOutput(): void
    {
        foreach ($this->tokens as $i => $token) {
            if (!in_array($token['id'], [T_ECHO, T_PRINT, T_OPEN_TAG_WITH_ECHO], true)) {
                continue;
            }
            $depth = count($this->frames[$i]);
            for ($j = $i + 1; isset($this->tokens[$j]); $j++) {
                $id = $this->tokens[$j]['id'];
                if (($id === ';' || $id === T_CLOSE_TAG) && count($this->frames[$j]) === $depth) {
                    break;
                }
                if ($id === T_VARIABLE && !$this->isCast($j - 1)
                    && !$this->inside($j, $depth, self::OUTPUT_SAFE, ['esc_', 'wp_kses'])) {
                    $this->add('xss', $token['line']);
                    break;
                }
            }
        }
    }

    /** $wpdb queries whose SQL is interpolated or concatenated from variables. */
    private function checkSql(): void
    {
        foreach ($this->tokens as $i => $token) {
            if ($token['id'] !== T_VARIABLE || $token['text'] !== '$wpdb'
                || !$this->is($i + 1, T_OBJECT_OPERATOR) || !$this->is($i + 3, '(')
                || !in_array(strtolower($this->tokens[$i + 2]['text']), self::QUERY_METHODS, true)) {
                continue;
            }
            $method = strtolower($this->tokens[$i + 2]['text']);
            $open = $i + 3;
            $argument = $this->firstArgument($open);
            if ($method !== 'prepare' && $this->is($open + 1, T_VARIABLE) && $this->tokens[$open + 1]['text'] === '$wpdb'
                && $this->is($open + 2, T_OBJECT_OPERATOR) && strtolower($this->tokens[$open + 3]['text'] ?? '') === 'prepare') {
                continue;
            }
            $built = false;
            $variable = false;
            foreach ($argument as $j) {
                $id = $this->tokens[$j]['id'];
                $built = $built || $id === '.' || $id === '"' || $id === T_START_HEREDOC;
                $variable = $variable || ($id === T_VARIABLE && $this->tokens[$j]['text'] !== '$wpdb' && !$this->isCast($j - 1)
                    && !$this->inside($j, count($this->frames[$open]) + 1, self::SQL_SAFE, []));
            }
            if ($built && $variable) {
                $this->add('sql_injection', $this->tokens[$i + 2]['line'], $method);
            }
        }
    }

    /** Calls that are wrong wherever they appear. */
    private function checkCalls(): void
    {
        foreach ($this->tokens as $i => $token) {
            if ($token['id'] === T_EVAL) {
                $this->add('eval', $token['line'], 'eval()');
                continue;
            }
            $name = $this->calledFunction($i);
            match (true) {
                $name === 'create_function' => $this->add('eval', $token['line'], 'create_function()'),
                $name === 'query_posts' => $this->add('query_posts', $token['line']),
                $name === 'extract' => $this->add('extract', $token['line']),
                $name !== null && str_starts_with($name, 'mysql_') => $this->add('deprecated_function', $token['line'], $name),
                default => null,
            };
        }
    }

    /** 'posts_per_page' => -1 (and numberposts), or the same in a query string. */
    private function checkUnboundedQueries(): void
    {
        foreach ($this->tokens as $i => $token) {
            if ($token['id'] !== T_CONSTANT_ENCAPSED_STRING) {
                continue;
            }
            $value = substr($token['text'], 1, -1);
            if (in_array($value, ['posts_per_page', 'numberposts', 'posts_per_archive_page'], true)
                && $this->is($i + 1, T_DOUBLE_ARROW) && $this->is($i + 2, '-')
                && $this->is($i + 3, T_LNUMBER) && $this->tokens[$i + 3]['text'] === '1') {
                $this->add('unbounded_query', $token['line'], $value);
            } elseif (preg_match('/\b(posts_per_page|numberposts)=-1\b/', $value, $m) === 1) {
                $this->add('unbounded_query', $token['line'], $m[1]);
            }
        }
    }

    /** Whole-file conventions: the ABSPATH guard in a plugin's main file, no trailing ?>. */
    private function checkFile(): void
    {
        foreach ($this->comments as $comment) {
            if (str_contains($comment['text'], 'Plugin Name:') && !$this->guardsAbspath()) {
                $this->add('direct_file_access', $comment['line']);
                break;
            }
        }
        if ($this->endsWithCloseTag) {
            $this->add('trailing_closing_tag', end($this->tokens)['line']);
        }
    }

    private function guardsAbspath(): bool
    {
        foreach ($this->tokens as $i => $token) {
            if ($this->calledFunction($i) === 'defined' && $this->is($i + 2, T_CONSTANT_ENCAPSED_STRING)
                && substr($this->tokens[$i + 2]['text'], 1, -1) === 'ABSPATH') {
                return true;
            }
        }

        return false;
    }

    private function add(string $type, int $line, string $subject = ''): void
    {
        [, $severity, $message] = self::RULES[$type];
        $this->issues[$type . ':' . $line] ??= [
            'severity' => $severity,
            'type' => $type,
            'message' => sprintf($message, $subject),
            'line' => $line,
        ];
    }

    /** The name of the function a '(' at $open calls, or null for grouping parentheses and method-less expressions. */
    private function callee(int $open): ?string
    {
        $previous = $this->tokens[$open - 1] ?? null;

        return match ($previous['id'] ?? null) {
            T_STRING, T_NAME_FULLY_QUALIFIED, T_NAME_QUALIFIED => strtolower(ltrim($previous['text'], '\\')),
            T_ISSET => 'isset',
            T_EMPTY => 'empty',
            default => null,
        };
    }

    /** The lowercased function name when token $i starts a plain function call. */
    private function calledFunction(int $i): ?string
    {
        $id = $this->tokens[$i]['id'];
        if (!in_array($id, [T_STRING, T_NAME_FULLY_QUALIFIED], true) || !$this->is($i + 1, '(')
            || ($i > 0 && in_array($this->tokens[$i - 1]['id'], self::NOT_A_CALL_AFTER, true))) {
            return null;
        }

        return strtolower(ltrim($this->tokens[$i]['text'], '\\'));
    }

    /**
     * Whether token $i sits inside a call, opened deeper than $fromDepth, to one of $names or a name with one of $prefixes.
     *
     * @param list<string> $names
     * @param list<string> $prefixes
     */
    private function inside(int $i, int $fromDepth, array $names, array $prefixes): bool
    {
        foreach (array_slice($this->frames[$i], $fromDepth) as $callee) {
            if ($callee === null) {
                continue;
            }
            if (in_array($callee, $names, true)) {
                return true;
            }
            foreach ($prefixes as $prefix) {
                if (str_starts_with($callee, $prefix)) {
                    return true;
                }
            }
        }

        return false;
    }

    /** @param list<string> $names */
    private function callsAny(array $names): bool
    {
        foreach (array_keys($this->tokens) as $i) {
            if (in_array($this->calledFunction($i), $names, true)) {
                return true;
            }
        }

        return false;
    }

    /** @return list<int> indexes of the tokens of the first argument of the call whose '(' is at $open */
    private function firstArgument(int $open): array
    {
        $indexes = [];
        $depth = 0;
        for ($j = $open + 1; isset($this->tokens[$j]); $j++) {
            $id = $this->tokens[$j]['id'];
            if ($depth === 0 && ($id === ',' || $id === ')')) {
                break;
            }
            $depth += match ($id) {
                '(', '[', '{', T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES => 1,
                ')', ']', '}' => -1,
                default => 0,
            };
            $indexes[] = $j;
        }

        return $indexes;
    }

    /** The index of the last token of $i's subscripts ($_POST['a']['b'] ends at the second ']'). */
    private function afterSubscripts(int $i): int
    {
        while ($this->is($i + 1, '[')) {
            $depth = 0;
            do {
                $i++;
                $depth += match ($this->tokens[$i]['id']) {
                    '[' => 1,
                    ']' => -1,
                    default => 0,
                };
            } while ($depth > 0 && isset($this->tokens[$i + 1]));
        }

        return $i;
    }

    private function isCast(int $i): bool
    {
        return isset($this->tokens[$i]) && in_array($this->tokens[$i]['id'], self::CASTS, true);
    }

    private function isStrictComparison(int $i): bool
    {
        return $this->is($i, T_IS_IDENTICAL) || $this->is($i, T_IS_NOT_IDENTICAL);
    }

    private function is(int $i, int|string $id): bool
    {
        return isset($this->tokens[$i]) && $this->tokens[$i]['id'] === $id;
    }
}
