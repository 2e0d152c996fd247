// The Taro components the kit uses, as plain DOM elements, for component tests in jsdom
// (jest maps '@tarojs/components' here). Taro's own props that DOM lacks are dropped.
import type { PropsWithChildren } from 'react';

type Props = PropsWithChildren<{
  className?: string;
  onClick?: (event: { stopPropagation: () => void }) => void;
  [data: `data-${string}`]: string | undefined;
  hoverClass?: string;
  src?: string;
  mode?: string;
  lazyLoad?: boolean;
  onError?: () => void;
  catchMove?: boolean;
}>;

function domProps({ hoverClass: _hover, mode: _mode, lazyLoad: _lazy, catchMove: _catch, ...rest }: Props) {
  return rest;
}

export const View = (props: Props) => <div {...domProps(props)} />;
export const Text = (props: Props) => <span {...domProps(props)} />;
export const Image = (props: Props) => <img alt="" {...domProps(props)} />;

type FieldProps = {
  className?: string;
  value?: string;
  placeholder?: string;
  placeholderClass?: string;
  maxlength?: number;
  autoHeight?: boolean;
  onInput?: (event: { detail: { value: string } }) => void;
};

/** Taro's inputs answer with `detail.value`; DOM's with `target.value`. */
function fieldProps({ placeholderClass: _class, maxlength: _max, autoHeight: _auto, onInput, ...rest }: FieldProps) {
  return { ...rest, onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value } }) };
}

export const Input = (props: FieldProps) => <input {...fieldProps(props)} />;
export const Textarea = (props: FieldProps) => <textarea {...fieldProps(props)} />;

/** Taro's switch answers with `detail.value`; a checkbox stands in for it. */
export const Switch = ({ checked, onChange, ...rest }: { checked?: boolean; onChange?: (event: { detail: { value: boolean } }) => void }) => (
  <input type="checkbox" checked={checked ?? false} onChange={(event) => onChange?.({ detail: { value: event.target.checked } })} {...rest} />
);
