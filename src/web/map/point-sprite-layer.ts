/**
 * A deck.gl layer that draws each point as ONE vertex (WebGL points, `gl_PointSize`), a round dot
 * of a fixed size in CSS pixels and one colour. deck.gl's ScatterplotLayer draws every point as an
 * instanced quad of four vertices through a long vertex shader; in software WebGL (SwiftShader)
 * that cost about 28 µs per point whatever the radius (100,000 points: 2.8 s per frame, the same
 * at 0.5 px as at 2.5 px). Here one short vertex shader runs once per point.
 *
 * Positions come as a binary attribute (`data.attributes.getPosition`, Float32 pairs), in any
 * deck.gl coordinate system (the big layers use LNGLAT_OFFSETS from the layer's centre).
 */
import {
  type DefaultProps,
  Layer,
  type LayerContext,
  type LayerProps,
  project32,
  type UpdateParameters,
} from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

type Rgba = [number, number, number, number];

interface SpriteUniforms {
  /** Dot diameter in CSS pixels. */
  diameter: number;
  color: [number, number, number, number];
}

const uniformBlock = `\
layout(std140) uniform pointSpriteUniforms {
  float diameter;
  vec4 color;
} pointSprite;
`;

const pointSpriteUniforms = {
  name: 'pointSprite',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { diameter: 'f32', color: 'vec4<f32>' },
} as const satisfies ShaderModule<SpriteUniforms>;

const vs = `\
#version 300 es
#define SHADER_NAME point-sprite-layer-vertex-shader
in vec2 positions;
flat out float vDiameter;
void main(void) {
  gl_Position = project_position_to_clipspace(vec3(positions, 0.0), vec3(0.0), vec3(0.0));
  // In device pixels (a 300 dpi print draws the dot 300/96 times larger), one more for the
  // smoothed edge.
  vDiameter = pointSprite.diameter * project.devicePixelRatio;
  gl_PointSize = vDiameter + 1.0;
}
`;

const fs = `\
#version 300 es
#define SHADER_NAME point-sprite-layer-fragment-shader
precision highp float;
flat in float vDiameter;
out vec4 fragColor;
void main(void) {
  // Distance from the sprite's centre in device pixels.
  float d = vDiameter;
  float r = length(gl_PointCoord - 0.5) * (d + 1.0);
  float edge = 1.0 - smoothstep(d / 2.0 - 0.5, d / 2.0 + 0.5, r);
  if (edge <= 0.0) discard;
  fragColor = vec4(pointSprite.color.rgb, pointSprite.color.a * edge * layer.opacity);
}
`;

export interface PointSpriteProps {
  /** Dot radius in CSS pixels. */
  radiusPixels: number;
  /** RGBA, 0-255. */
  color: Rgba;
  /** Called after each draw call that reached the GPU (luma.gl's Model.draw returned true). */
  onDrawn: ((layerId: string) => void) | null;
}

type State = { model?: Model };

export class PointSpriteLayer extends Layer<PointSpriteProps & LayerProps> {
  static override layerName = 'PointSpriteLayer';
  static override defaultProps: DefaultProps<PointSpriteProps & LayerProps> = {
    radiusPixels: { type: 'number', min: 0, value: 2.5 },
    color: { type: 'color', value: [0, 0, 0, 255] },
    onDrawn: { type: 'function', value: null, optional: true, compare: false },
  };
  declare state: State;

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, pointSpriteUniforms] });
  }

  override initializeState(): void {
    this.getAttributeManager()?.add({
      positions: { size: 2, type: 'float32', accessor: 'getPosition' },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (!this.state.model || params.changeFlags.extensionsChanged) {
      this.state.model?.destroy();
      this.setState({ model: this.getModel(this.context) });
    }
    this.state.model?.setVertexCount(this.getNumInstances());
  }

  override finalizeState(context: LayerContext): void {
    super.finalizeState(context);
    this.state.model?.destroy();
  }

  override draw(): void {
    const model = this.state.model;
    if (!model) return;
    const { radiusPixels, color } = this.props;
    model.shaderInputs.setProps({
      pointSprite: { diameter: 2 * radiusPixels, color: color.map((c) => c / 255) as Rgba },
    });
    if (model.draw(this.context.renderPass)) this.props.onDrawn?.(this.props.id);
  }

  private getModel(context: LayerContext): Model {
    return new Model(context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()?.getBufferLayouts() ?? [],
      topology: 'point-list',
      vertexCount: 0,
    });
  }
}
