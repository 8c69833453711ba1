<?php

/** @generate-class-entries */

namespace WPLLM;

/**
 * @strict-properties
 * @not-serializable
 */
final class Stream implements \Iterator
{
    private function __construct() {}

    public function current(): ?array {}

    public function key(): ?int {}

    public function next(): void {}

    public function rewind(): void {}

    public function valid(): bool {}

    public function getResponse(): ?array {}
}
