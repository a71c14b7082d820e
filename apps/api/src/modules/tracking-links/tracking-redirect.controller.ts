import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/public.decorator';
import { TrackingLinksService } from './tracking-links.service';

/** GET /t/<slug> (outside /api/v1): the public hop between an ad and WhatsApp. */
@ApiExcludeController()
@Controller('t')
export class TrackingRedirectController {
  constructor(private readonly links: TrackingLinksService) {}

  @Public()
  @Get(':slug')
  async follow(
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const target = /^[a-z0-9]{4,32}$/.test(slug)
      ? await this.links.recordClick(slug, {
          query,
          referrer: req.get('referer') ?? null,
          userAgent: req.get('user-agent') ?? null,
        })
      : null;
    res.setHeader('Cache-Control', 'no-store');
    if (!target) {
      res.status(404).type('text/plain; charset=utf-8').send('Link não encontrado.');
      return;
    }
    res.redirect(302, target);
  }
}
