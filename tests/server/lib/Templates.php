<?php
// Deterministic "generation": picks a WordPress plugin template from the prompt's keywords and names it after the prompt's subject.
declare(strict_types=1);

namespace WpllmEmulator;

final class Templates
{
    /** Keyword patterns per template; the one matching earliest in the prompt wins, ties in this order. */
    private const KINDS = [
        'block' => '/\b(?:gutenberg|blocks?)\b/',
        'shortcode' => '/\bshort-?codes?\b/',
        'metabox' => '/\bmeta[ -]?box(?:es)?\b/',
        'settings' => '/\b(?:settings?|options? page)\b/',
        'post_type' => '/\b(?:post[ -]?types?|cpts?)\b/',
        'rest' => '/\b(?:rest|endpoints?|api routes?|routes?)\b/',
    ];

    private const DEFAULT_SUBJECT = [
        'block' => 'notice',
        'shortcode' => 'recent_posts',
        'metabox' => 'subtitle',
        'settings' => 'site_tools',
        'post_type' => 'item',
        'rest' => 'item',
        'plugin' => 'reading_notice',
    ];

    /** Words that describe the request rather than name its subject. */
    private const STOPWORDS = [
        'a', 'about', 'add', 'adds', 'admin', 'all', 'allow', 'allows', 'an', 'and', 'api', 'are', 'as', 'at', 'basic',
        'be', 'block', 'blocks', 'box', 'build', 'builds', 'called', 'can', 'code', 'configure', 'configures', 'contain',
        'contains', 'cpt', 'cpts', 'create', 'creates', 'custom', 'dashboard', 'display', 'displays', 'do', 'does',
        'dynamic', 'each', 'editor', 'endpoint', 'endpoints', 'field', 'fields', 'for', 'from', 'function', 'generate',
        'get', 'gets', 'gutenberg', 'has', 'have', 'hook', 'hooks', 'how', 'in', 'include', 'includes', 'into', 'is',
        'it', 'its', 'json', 'latest', 'let', 'lets', 'like', 'list', 'lists', 'make', 'makes', 'manage', 'manages', 'me',
        'menu', 'meta', 'metabox', 'my', 'named', 'need', 'needs', 'new', 'of', 'on', 'option', 'options', 'or', 'our',
        'output', 'outputs', 'page', 'pages', 'php', 'please', 'plugin', 'plugins', 'post', 'posts', 'print', 'prints',
        'recent', 'register', 'registers', 'render', 'renders', 'rest', 'return', 'returns', 'route', 'routes', 'save',
        'saves', 'setting', 'settings', 'short', 'shortcode', 'shortcodes', 'show', 'showing', 'shows', 'simple', 'site',
        'small', 'some', 'store', 'stores', 'support', 'supports', 'that', 'the', 'their', 'them', 'this', 'to', 'type',
        'types', 'use', 'uses', 'using', 'want', 'we', 'website', 'which', 'will', 'with', 'wordpress', 'wp', 'write',
        'you', 'your',
    ];

    /** Names WordPress reserves for its own post types and query variables. */
    private const RESERVED = ['action', 'attachment', 'author', 'custom_css', 'nav_menu_item', 'order', 'revision', 'theme', 'user_request'];

    private const IRREGULAR_SINGULAR = ['cookies' => 'cookie', 'movies' => 'movie', 'news' => 'news', 'series' => 'series', 'species' => 'species'];

    public static function generate(string $prompt): string
    {
        $kind = self::kind($prompt);
        $slug = self::subject($prompt, self::DEFAULT_SUBJECT[$kind]);
        $title = ucwords(str_replace('_', ' ', $slug));
        $plural = self::pluralize($title);
        $dashed = str_replace('_', '-', $slug);

        return strtr(self::template($kind), [
            '{{slug}}' => $slug,
            '{{dashed}}' => $dashed,
            '{{route}}' => str_replace(' ', '-', strtolower($plural)),
            '{{Title}}' => $title,
            '{{Plural}}' => $plural,
            '{{plural}}' => strtolower($plural),
            '{{domain}}' => 'wpllm-' . $dashed,
        ]);
    }

    /** Which template the prompt asks for: the kind whose keyword appears first, else a plain plugin. */
    public static function kind(string $prompt): string
    {
        $lower = strtolower($prompt);
        $best = 'plugin';
        $bestOffset = PHP_INT_MAX;
        foreach (self::KINDS as $kind => $pattern) {
            if (preg_match($pattern, $lower, $m, PREG_OFFSET_CAPTURE) === 1 && $m[0][1] < $bestOffset) {
                $best = $kind;
                $bestOffset = $m[0][1];
            }
        }

        return $best;
    }

    /**
     * The prompt's subject as an identifier ([a-z][a-z0-9_]*, at most 20 characters, the post type limit):
     * the word after "called"/"named", else the first plural-looking content word, else the first content word.
     */
    public static function subject(string $prompt, string $default): string
    {
        $words = preg_split('/[^a-z0-9]+/', strtolower($prompt), -1, PREG_SPLIT_NO_EMPTY);
        $candidates = [];
        $named = null;
        foreach ($words as $i => $word) {
            if (in_array($word, self::STOPWORDS, true) || strlen($word) < 3 || !ctype_alpha($word[0])) {
                continue;
            }
            $candidates[] = $word;
            if ($named === null && $i > 0 && in_array($words[$i - 1], ['called', 'named'], true)) {
                $named = $word;
            }
        }
        $plurals = array_values(array_filter($candidates, static fn (string $w): bool => self::singularize($w) !== $w));
        $word = $named ?? $plurals[0] ?? $candidates[0] ?? null;
        if ($word === null) {
            return $default;
        }
        $slug = substr(self::singularize($word), 0, 20);

        return in_array($slug, self::RESERVED, true) ? $default : $slug;
    }

    public static function singularize(string $word): string
    {
        if (isset(self::IRREGULAR_SINGULAR[$word])) {
            return self::IRREGULAR_SINGULAR[$word];
        }
        if (preg_match('/[^aeiou]ies$/', $word) === 1) {
            return substr($word, 0, -3) . 'y';
        }
        if (preg_match('/(?:sses|xes|ches|shes|zes)$/', $word) === 1) {
            return substr($word, 0, -2);
        }
        if (preg_match('/[^su]s$/', $word) === 1 && !str_ends_with($word, 'is')) {
            return substr($word, 0, -1);
        }

        return $word;
    }

    private static function pluralize(string $title): string
    {
        return match (true) {
            in_array(self::singularize(strtolower($title)), self::IRREGULAR_SINGULAR, true)
                && str_ends_with($title, 's') => $title,
            preg_match('/[^aeiou]y$/i', $title) === 1 => substr($title, 0, -1) . 'ies',
            preg_match('/(?:s|x|z|ch|sh)$/i', $title) === 1 => $title . 'es',
            default => $title . 's',
        };
    }

    private static function template(string $kind): string
    {
        return match ($kind) {
            'post_type' => self::POST_TYPE,
            'rest' => self::REST,
            'shortcode' => self::SHORTCODE,
            'block' => self::BLOCK,
            'settings' => self::SETTINGS,
            'metabox' => self::METABOX,
            'plugin' => self::PLUGIN,
        };
    }

    private const POST_TYPE = <<<'PHP'
<?php
/**
 * Plugin Name: {{Title}} Post Type
 * Description: Registers the "{{slug}}" custom post type.
 * Version: 1.0.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * Text Domain: {{domain}}
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the {{slug}} post type.
 */
function wpllm_{{slug}}_register_post_type() {
	$labels = array(
		'name'               => _x( '{{Plural}}', 'post type general name', '{{domain}}' ),
		'singular_name'      => _x( '{{Title}}', 'post type singular name', '{{domain}}' ),
		'add_new_item'       => __( 'Add New {{Title}}', '{{domain}}' ),
		'edit_item'          => __( 'Edit {{Title}}', '{{domain}}' ),
		'new_item'           => __( 'New {{Title}}', '{{domain}}' ),
		'view_item'          => __( 'View {{Title}}', '{{domain}}' ),
		'search_items'       => __( 'Search {{Plural}}', '{{domain}}' ),
		'not_found'          => __( 'No {{plural}} found.', '{{domain}}' ),
		'not_found_in_trash' => __( 'No {{plural}} found in Trash.', '{{domain}}' ),
		'all_items'          => __( 'All {{Plural}}', '{{domain}}' ),
		'menu_name'          => _x( '{{Plural}}', 'admin menu', '{{domain}}' ),
	);

	register_post_type(
		'{{slug}}',
		array(
			'labels'          => $labels,
			'public'          => true,
			'has_archive'     => true,
			'show_in_rest'    => true,
			'menu_icon'       => 'dashicons-admin-post',
			'capability_type' => 'post',
			'supports'        => array( 'title', 'editor', 'excerpt', 'thumbnail', 'revisions' ),
			'rewrite'         => array( 'slug' => '{{route}}' ),
		)
	);
}
add_action( 'init', 'wpllm_{{slug}}_register_post_type' );

/**
 * Registers the post type before flushing, so its permalinks work right after activation.
 */
function wpllm_{{slug}}_activate() {
	wpllm_{{slug}}_register_post_type();
	flush_rewrite_rules();
}
register_activation_hook( __FILE__, 'wpllm_{{slug}}_activate' );

/**
 * Removes the post type's rewrite rules when the plugin is turned off.
 */
function wpllm_{{slug}}_deactivate() {
	unregister_post_type( '{{slug}}' );
	flush_rewrite_rules();
}
register_deactivation_hook( __FILE__, 'wpllm_{{slug}}_deactivate' );

PHP;

    private const REST = <<<'PHP'
<?php
/**
 * Plugin Name: {{Title}} REST API
 * Description: Stores {{plural}} and serves them at /wp-json/wpllm/v1/{{route}}.
 * Version: 1.0.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * Text Domain: {{domain}}
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the private post type that holds the {{plural}}.
 */
function wpllm_{{slug}}_register_storage() {
	register_post_type(
		'{{slug}}',
		array(
			'label'        => __( '{{Plural}}', '{{domain}}' ),
			'public'       => false,
			'show_ui'      => true,
			'show_in_rest' => false,
			'supports'     => array( 'title', 'editor' ),
		)
	);
}
add_action( 'init', 'wpllm_{{slug}}_register_storage' );

/**
 * Registers GET and POST /wpllm/v1/{{route}}.
 */
function wpllm_{{slug}}_register_routes() {
	register_rest_route(
		'wpllm/v1',
		'/{{route}}',
		array(
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => 'wpllm_{{slug}}_list',
				'permission_callback' => '__return_true',
				'args'                => array(
					'per_page' => array(
						'type'              => 'integer',
						'default'           => 10,
						'minimum'           => 1,
						'maximum'           => 100,
						'sanitize_callback' => 'absint',
					),
					'search'   => array(
						'type'              => 'string',
						'default'           => '',
						'sanitize_callback' => 'sanitize_text_field',
					),
				),
			),
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => 'wpllm_{{slug}}_create',
				'permission_callback' => 'wpllm_{{slug}}_can_create',
				'args'                => array(
					'title'   => array(
						'type'              => 'string',
						'required'          => true,
						'sanitize_callback' => 'sanitize_text_field',
						'validate_callback' => 'wpllm_{{slug}}_validate_title',
					),
					'content' => array(
						'type'              => 'string',
						'default'           => '',
						'sanitize_callback' => 'wp_kses_post',
					),
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'wpllm_{{slug}}_register_routes' );

/**
 * Only editors and above may create {{plural}}.
 *
 * @return bool
 */
function wpllm_{{slug}}_can_create() {
	return current_user_can( 'edit_posts' );
}

/**
 * @param mixed $value The submitted title.
 * @return bool
 */
function wpllm_{{slug}}_validate_title( $value ) {
	return is_string( $value ) && '' !== trim( $value );
}

/**
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function wpllm_{{slug}}_list( WP_REST_Request $request ) {
	$query = new WP_Query(
		array(
			'post_type'      => '{{slug}}',
			'post_status'    => 'publish',
			'posts_per_page' => $request->get_param( 'per_page' ),
			's'              => $request->get_param( 'search' ),
			'no_found_rows'  => true,
		)
	);

	$items = array();
	foreach ( $query->posts as $post ) {
		$items[] = array(
			'id'      => $post->ID,
			'title'   => get_the_title( $post ),
			'content' => apply_filters( 'the_content', $post->post_content ),
		);
	}

	return rest_ensure_response( $items );
}

/**
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function wpllm_{{slug}}_create( WP_REST_Request $request ) {
	$post_id = wp_insert_post(
		array(
			'post_type'    => '{{slug}}',
			'post_status'  => 'publish',
			'post_title'   => $request->get_param( 'title' ),
			'post_content' => $request->get_param( 'content' ),
		),
		true
	);
	if ( is_wp_error( $post_id ) ) {
		return $post_id;
	}

	return new WP_REST_Response( array( 'id' => $post_id ), 201 );
}

PHP;

    private const SHORTCODE = <<<'PHP'
<?php
/**
 * Plugin Name: {{Title}} Shortcode
 * Description: Adds the [{{slug}}] shortcode, listing the newest posts.
 * Version: 1.0.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * Text Domain: {{domain}}
 */

defined( 'ABSPATH' ) || exit;

/**
 * Renders [{{slug}} title="..." count="5" class="..."]; shortcodes return their markup, never echo it.
 *
 * @param array|string $atts    Shortcode attributes.
 * @param string|null  $content Enclosed content.
 * @return string
 */
function wpllm_{{slug}}_shortcode( $atts, $content = null ) {
	$atts = shortcode_atts(
		array(
			'title' => __( '{{Title}}', '{{domain}}' ),
			'count' => 5,
			'class' => '',
		),
		$atts,
		'{{slug}}'
	);

	$posts = get_posts(
		array(
			'numberposts' => min( 20, max( 1, absint( $atts['count'] ) ) ),
			'post_status' => 'publish',
		)
	);

	$html  = '<div class="' . esc_attr( trim( 'wpllm-{{dashed}} ' . sanitize_html_class( $atts['class'] ) ) ) . '">';
	$html .= '<h3>' . esc_html( $atts['title'] ) . '</h3>';
	if ( null !== $content && '' !== trim( $content ) ) {
		$html .= '<div class="wpllm-{{dashed}}__intro">' . wp_kses_post( $content ) . '</div>';
	}
	$html .= '<ul>';
	foreach ( $posts as $post ) {
		$html .= '<li><a href="' . esc_url( get_permalink( $post ) ) . '">' . esc_html( get_the_title( $post ) ) . '</a></li>';
	}
	$html .= '</ul></div>';

	return $html;
}

/**
 * Registers the shortcode once WordPress is loaded.
 */
function wpllm_{{slug}}_register_shortcode() {
	add_shortcode( '{{slug}}', 'wpllm_{{slug}}_shortcode' );
}
add_action( 'init', 'wpllm_{{slug}}_register_shortcode' );

PHP;

    private const BLOCK = <<<'PHP'
<?php
/**
 * Plugin Name: {{Title}} Block
 * Description: A dynamic "wpllm/{{dashed}}" block, rendered on the server, with no build step.
 * Version: 1.0.0
 * Requires at least: 6.1
 * Requires PHP: 7.4
 * Text Domain: {{domain}}
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the editor script and the block.
 */
function wpllm_{{slug}}_register_block() {
	wp_register_script(
		'wpllm-{{dashed}}-editor',
		false,
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-i18n' ),
		'1.0.0',
		true
	);
	wp_add_inline_script( 'wpllm-{{dashed}}-editor', wpllm_{{slug}}_editor_script() );

	register_block_type(
		'wpllm/{{dashed}}',
		array(
			'api_version'     => 2,
			'title'           => __( '{{Title}}', '{{domain}}' ),
			'category'        => 'widgets',
			'attributes'      => array(
				'message' => array(
					'type'    => 'string',
					'default' => '',
				),
			),
			'editor_script'   => 'wpllm-{{dashed}}-editor',
			'render_callback' => 'wpllm_{{slug}}_render_block',
		)
	);
}
add_action( 'init', 'wpllm_{{slug}}_register_block' );

/**
 * The block's editor UI, in plain ES5 so it needs no build step.
 *
 * @return string
 */
function wpllm_{{slug}}_editor_script() {
	return <<<'JS'
( function ( blocks, element, blockEditor, i18n ) {
	var el = element.createElement;
	blocks.registerBlockType( 'wpllm/{{dashed}}', {
		apiVersion: 2,
		title: i18n.__( '{{Title}}', '{{domain}}' ),
		category: 'widgets',
		attributes: { message: { type: 'string', default: '' } },
		edit: function ( props ) {
			return el(
				'div',
				blockEditor.useBlockProps(),
				el( blockEditor.RichText, {
					tagName: 'p',
					value: props.attributes.message,
					placeholder: i18n.__( 'Write the {{plural}} message...', '{{domain}}' ),
					onChange: function ( message ) {
						props.setAttributes( { message: message } );
					}
				} )
			);
		},
		save: function () {
			return null;
		}
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.i18n );
JS;
}

/**
 * Renders the block on the front end.
 *
 * @param array $attributes Block attributes.
 * @return string
 */
function wpllm_{{slug}}_render_block( $attributes ) {
	$message = isset( $attributes['message'] ) ? (string) $attributes['message'] : '';
	if ( '' === trim( wp_strip_all_tags( $message ) ) ) {
		return '';
	}

	return sprintf(
		'<div %1$s>%2$s</div>',
		get_block_wrapper_attributes( array( 'class' => 'wpllm-{{dashed}}' ) ),
		wp_kses_post( wpautop( $message ) )
	);
}

PHP;

    private const SETTINGS = <<<'PHP'
<?php
/**
 * Plugin Name: {{Title}} Settings
 * Description: A settings page under Settings > {{Title}}, built on the Settings API.
 * Version: 1.0.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * Text Domain: {{domain}}
 */

defined( 'ABSPATH' ) || exit;

/**
 * The stored options merged over their defaults.
 *
 * @return array
 */
function wpllm_{{slug}}_options() {
	$defaults = array(
		'enabled' => false,
		'title'   => '',
		'api_url' => '',
	);

	return wp_parse_args( (array) get_option( 'wpllm_{{slug}}_options', array() ), $defaults );
}

/**
 * Adds Settings > {{Title}}.
 */
function wpllm_{{slug}}_add_page() {
	add_options_page(
		__( '{{Title}} Settings', '{{domain}}' ),
		__( '{{Title}}', '{{domain}}' ),
		'manage_options',
		'wpllm-{{dashed}}',
		'wpllm_{{slug}}_render_page'
	);
}
add_action( 'admin_menu', 'wpllm_{{slug}}_add_page' );

/**
 * Registers the option, its section and fields; options.php checks the nonce and capability on save.
 */
function wpllm_{{slug}}_register_settings() {
	register_setting(
		'wpllm_{{slug}}',
		'wpllm_{{slug}}_options',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'wpllm_{{slug}}_sanitize',
		)
	);

	add_settings_section( 'wpllm_{{slug}}_main', __( 'General', '{{domain}}' ), '__return_false', 'wpllm-{{dashed}}' );
	add_settings_field( 'wpllm_{{slug}}_enabled', __( 'Enabled', '{{domain}}' ), 'wpllm_{{slug}}_field_enabled', 'wpllm-{{dashed}}', 'wpllm_{{slug}}_main', array( 'label_for' => 'wpllm_{{slug}}_enabled' ) );
	add_settings_field( 'wpllm_{{slug}}_title', __( 'Title', '{{domain}}' ), 'wpllm_{{slug}}_field_title', 'wpllm-{{dashed}}', 'wpllm_{{slug}}_main', array( 'label_for' => 'wpllm_{{slug}}_title' ) );
	add_settings_field( 'wpllm_{{slug}}_api_url', __( 'API URL', '{{domain}}' ), 'wpllm_{{slug}}_field_api_url', 'wpllm-{{dashed}}', 'wpllm_{{slug}}_main', array( 'label_for' => 'wpllm_{{slug}}_api_url' ) );
}
add_action( 'admin_init', 'wpllm_{{slug}}_register_settings' );

/**
 * @param mixed $input The submitted values.
 * @return array
 */
function wpllm_{{slug}}_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();

	return array(
		'enabled' => ! empty( $input['enabled'] ),
		'title'   => isset( $input['title'] ) ? sanitize_text_field( $input['title'] ) : '',
		'api_url' => isset( $input['api_url'] ) ? esc_url_raw( $input['api_url'] ) : '',
	);
}

function wpllm_{{slug}}_field_enabled() {
	$options = wpllm_{{slug}}_options();
	printf(
		'<input type="checkbox" id="wpllm_{{slug}}_enabled" name="wpllm_{{slug}}_options[enabled]" value="1" %s />',
		checked( $options['enabled'], true, false )
	);
}

function wpllm_{{slug}}_field_title() {
	$options = wpllm_{{slug}}_options();
	printf(
		'<input type="text" class="regular-text" id="wpllm_{{slug}}_title" name="wpllm_{{slug}}_options[title]" value="%s" />',
		esc_attr( $options['title'] )
	);
}

function wpllm_{{slug}}_field_api_url() {
	$options = wpllm_{{slug}}_options();
	printf(
		'<input type="url" class="regular-text" id="wpllm_{{slug}}_api_url" name="wpllm_{{slug}}_options[api_url]" value="%s" />',
		esc_url( $options['api_url'] )
	);
}

/**
 * Renders the settings page.
 */
function wpllm_{{slug}}_render_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="options.php" method="post">
			<?php
			settings_fields( 'wpllm_{{slug}}' );
			do_settings_sections( 'wpllm-{{dashed}}' );
			submit_button();
			?>
		</form>
	</div>
	<?php
}

PHP;

    private const METABOX = <<<'PHP'
<?php
/**
 * Plugin Name: {{Title}} Meta Box
 * Description: Adds a "{{Title}}" meta box to posts and saves it as post meta.
 * Version: 1.0.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * Text Domain: {{domain}}
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds the meta box to the post editor.
 */
function wpllm_{{slug}}_add_meta_box() {
	add_meta_box( 'wpllm_{{slug}}', __( '{{Title}}', '{{domain}}' ), 'wpllm_{{slug}}_render_meta_box', 'post', 'side' );
}
add_action( 'add_meta_boxes', 'wpllm_{{slug}}_add_meta_box' );

/**
 * @param WP_Post $post The post being edited.
 */
function wpllm_{{slug}}_render_meta_box( $post ) {
	$value = get_post_meta( $post->ID, '_wpllm_{{slug}}', true );
	wp_nonce_field( 'wpllm_{{slug}}_save', 'wpllm_{{slug}}_nonce' );
	printf(
		'<label for="wpllm_{{slug}}_field">%1$s</label><input type="text" class="widefat" id="wpllm_{{slug}}_field" name="wpllm_{{slug}}_field" value="%2$s" />',
		esc_html__( '{{Title}}', '{{domain}}' ),
		esc_attr( $value )
	);
}

/**
 * Saves the field after checking the nonce and the user's right to edit this post.
 *
 * @param int $post_id The post being saved.
 */
function wpllm_{{slug}}_save_meta_box( $post_id ) {
	if ( ! isset( $_POST['wpllm_{{slug}}_nonce'] ) || ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['wpllm_{{slug}}_nonce'] ) ), 'wpllm_{{slug}}_save' ) ) {
		return;
	}
	if ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE ) {
		return;
	}
	if ( ! current_user_can( 'edit_post', $post_id ) ) {
		return;
	}

	if ( isset( $_POST['wpllm_{{slug}}_field'] ) ) {
		update_post_meta( $post_id, '_wpllm_{{slug}}', sanitize_text_field( wp_unslash( $_POST['wpllm_{{slug}}_field'] ) ) );
	} else {
		delete_post_meta( $post_id, '_wpllm_{{slug}}' );
	}
}
add_action( 'save_post', 'wpllm_{{slug}}_save_meta_box' );

PHP;

    private const PLUGIN = <<<'PHP'
<?php
/**
 * Plugin Name: {{Title}}
 * Description: Appends a short thank-you note to single posts through the_content filter.
 * Version: 1.0.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * Text Domain: {{domain}}
 */

defined( 'ABSPATH' ) || exit;

/**
 * @param string $content The post content.
 * @return string
 */
function wpllm_{{slug}}_append_note( $content ) {
	if ( ! is_singular( 'post' ) || ! in_the_loop() || ! is_main_query() ) {
		return $content;
	}

	$note = sprintf(
		/* translators: %s: post title. */
		__( 'Thanks for reading %s.', '{{domain}}' ),
		wp_strip_all_tags( get_the_title() )
	);

	return $content . '<p class="wpllm-{{dashed}}-note">' . esc_html( $note ) . '</p>';
}
add_filter( 'the_content', 'wpllm_{{slug}}_append_note' );

PHP;
}
