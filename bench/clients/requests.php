<?php
// bench/clients/requests.php: what a plugin's wp_remote_post() does, on WordPress 6.1's own HTTP stack from
// Debian's `wordpress` package: wp_remote_post() -> WP_Http::request() -> Requests::request() (Requests 1.8),
// which opens a new cURL handle, so a new connection (and, over HTTPS, a new TLS handshake and a fresh read of
// the CA bundle) on every call. Only the WordPress files that HTTP API needs are loaded (no database): the
// two values WP_Http::request() asks of the site (get_bloginfo('version'), get_bloginfo('url')) are stubbed.
// HTTPS trusts --ca (WordPress's own default is the system bundle, /etc/ssl/certs/ca-certificates.crt on Debian).
// Run with: php -n -d extension=curl bench/clients/requests.php --url=... [--ca=...] --n=N
declare(strict_types=1);
require __DIR__ . '/common.php';

$a = bench_args($argv);
const WP_ROOT = '/usr/share/wordpress/';
if (!is_file(WP_ROOT . 'wp-includes/class-wp-http.php')) {
    bench_na($a, 'n/a: Debian package wordpress is not installed');
}
define('ABSPATH', WP_ROOT);
define('WPINC', 'wp-includes');
error_reporting(E_ALL & ~E_DEPRECATED); // WordPress 6.1 on PHP 8.2 raises deprecations we are not measuring

// site values WP_Http::request() builds its User-Agent from: no database here
function get_bloginfo($show = '', $filter = 'raw')
{
    return $show === 'version' ? $GLOBALS['wp_version'] : 'http://localhost';
}
if (!function_exists('__')) {
    function __($text, $domain = 'default')
    {
        return $text;
    }
}
require ABSPATH . WPINC . '/version.php';
require ABSPATH . WPINC . '/load.php';
require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/class-wp-error.php';
require ABSPATH . WPINC . '/functions.php';
require ABSPATH . WPINC . '/http.php';
require ABSPATH . WPINC . '/class-wp-http.php';
require ABSPATH . WPINC . '/class-wp-http-streams.php';
require ABSPATH . WPINC . '/class-wp-http-curl.php';
require ABSPATH . WPINC . '/class-wp-http-proxy.php';
require ABSPATH . WPINC . '/class-wp-http-cookie.php';
require ABSPATH . WPINC . '/class-wp-http-encoding.php';
require ABSPATH . WPINC . '/class-wp-http-response.php';
require ABSPATH . WPINC . '/class-wp-http-requests-response.php';
require ABSPATH . WPINC . '/class-wp-http-requests-hooks.php';

$ua = 'WordPress/' . $GLOBALS['wp_version'] . '; http://localhost'; // WordPress's own User-Agent
$url = $a['url'] . '/v1/generate';
$body = bench_body();
$args = ['timeout' => 60, 'body' => $body];
if ($a['ca'] !== null) {
    $args['sslcertificates'] = $a['ca'];
}
$call = static function () use ($url, $body, $ua, $args): array {
    $args['headers'] = bench_headers($ua);
    unset($args['headers']['User-Agent']); // WordPress sets it from 'user-agent'
    $response = wp_remote_post($url, $args);
    if (is_wp_error($response)) {
        throw new RuntimeException('wp_remote_post: ' . $response->get_error_message());
    }
    if (wp_remote_retrieve_response_code($response) !== 200) {
        throw new RuntimeException('HTTP ' . wp_remote_retrieve_response_code($response));
    }
    return json_decode(wp_remote_retrieve_body($response), true, 512, JSON_THROW_ON_ERROR);
};
bench_run($a, $call, ['wordpress' => $GLOBALS['wp_version']]);
